using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Chaincode.Testing;

/// <summary>
/// Client identities for contract tests: a PEM certificate with the Fabric CA attribute extension
/// (OID 1.2.3.4.5.6.7.8.1, raw JSON <c>{"attrs":{...}}</c>), wrapped in a serialized identity.
/// Certificates are cached because key generation is the slow part.
/// </summary>
internal static class TestIdentities
{
    private static readonly ConcurrentDictionary<string, SerializedIdentity> Cache = new(StringComparer.Ordinal);

    /// <summary>An identity of <paramref name="mspId"/> with the given attributes (none when empty).</summary>
    /// <param name="mspId">The MSP id.</param>
    /// <param name="commonName">The certificate's CN.</param>
    /// <param name="attributes">Fabric CA attributes.</param>
    /// <returns>The serialized identity.</returns>
    public static SerializedIdentity Create(string mspId, string commonName, IReadOnlyDictionary<string, string> attributes)
    {
        var cacheKey = $"{mspId}|{commonName}|{JsonSerializer.Serialize(attributes)}";
        return Cache.GetOrAdd(cacheKey, _ => Build(mspId, commonName, attributes));
    }

    private static SerializedIdentity Build(string mspId, string commonName, IReadOnlyDictionary<string, string> attributes)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName},OU=client,O={mspId}", key, HashAlgorithmName.SHA256);
        if (attributes.Count > 0)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["attrs"] = attributes });
            request.CertificateExtensions.Add(new X509Extension("1.2.3.4.5.6.7.8.1", Encoding.UTF8.GetBytes(json), critical: false));
        }

        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return new SerializedIdentity
        {
            Mspid = mspId,
            IdBytes = ByteString.CopyFromUtf8(certificate.ExportCertificatePem()),
        };
    }
}
