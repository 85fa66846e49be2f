using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Ceiba.Chaincode.Shim.Internal;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// The submitting client, read from the proposal's creator: MSP id, X.509 certificate and the attributes
/// a Fabric CA put in the certificate (extension 1.2.3.4.5.6.7.8.1), as Fabric's <c>ClientIdentity</c>.
/// </summary>
public sealed class ClientIdentity
{
    private readonly IReadOnlyDictionary<string, string> _attributes;

    /// <summary>Reads the identity from a serialized creator.</summary>
    /// <param name="creator">The creator: an MSP id and a PEM certificate.</param>
    /// <exception cref="ArgumentException">The creator holds no valid PEM certificate, or its attribute extension is malformed.</exception>
    public ClientIdentity(SerializedIdentity creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        MspId = creator.Mspid;
        try
        {
            Certificate = Pem.LoadCertificate(creator.IdBytes.Span);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"The creator does not hold a PEM certificate: {e.Message}", nameof(creator), e);
        }
        Id = $"x509::{DistinguishedNames.Format(Certificate.SubjectName)}::{DistinguishedNames.Format(Certificate.IssuerName)}";
        try
        {
            _attributes = FabricAttributes.FromCertificate(Certificate);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The certificate's Fabric CA attribute extension is malformed: {e.Message}", nameof(creator), e);
        }
    }

    /// <summary>The identity of the client that submitted the stub's transaction.</summary>
    /// <param name="stub">The transaction's stub.</param>
    /// <returns>The client identity.</returns>
    public static ClientIdentity FromStub(IChaincodeStub stub)
    {
        ArgumentNullException.ThrowIfNull(stub);
        return new ClientIdentity(stub.Creator);
    }

    /// <summary>
    /// A unique id: <c>x509::&lt;subject&gt;::&lt;issuer&gt;</c>, with each distinguished name written as Fabric's Go
    /// shim does (most specific first, comma separated, for example <c>CN=user1,OU=client,O=Org1,C=US</c>).
    /// </summary>
    public string Id { get; }

    /// <summary>The MSP id of the client's organization.</summary>
    public string MspId { get; }

    /// <summary>The client's certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>All Fabric CA attributes in the certificate (empty when it has none).</summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes;

    /// <summary>The value of a Fabric CA attribute.</summary>
    /// <param name="name">The attribute name, for example <c>role</c>.</param>
    /// <returns>The value, or null when the certificate does not have the attribute.</returns>
    public string? GetAttributeValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _attributes.GetValueOrDefault(name);
    }

    /// <summary>Whether the certificate has the attribute with exactly this value.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The expected value.</param>
    /// <returns>True when the attribute exists and equals <paramref name="value"/> (ordinal comparison).</returns>
    public bool AssertAttributeValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Equals(GetAttributeValue(name), value, StringComparison.Ordinal);
    }
}
