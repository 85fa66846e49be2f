using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// Validates identities against one MSP as Fabric's X.509 MSP does: the MSP ID matches, the
/// certificate is an ECDSA P-256 end-entity certificate that chains to the MSP's root (through its
/// intermediate) CAs, every certificate of the chain is within its validity at the clock's time, and,
/// with NodeOUs enabled, it carries exactly one role OU. The time-independent part of the work is
/// cached per certificate, so validating a known creator costs a dictionary lookup and a clock read.
/// Thread-safe.
/// </summary>
public sealed class MembershipServiceProvider
{
    private const int CacheCapacity = 4096;

    private readonly TimeProvider _clock;
    private readonly ChainVerifier _chains;
    private readonly ByteKeyCache<IdentityCheck> _cache = new(CacheCapacity);
    private readonly Func<byte[], IdentityCheck> _check;
    private readonly byte[] _mspIdUtf8;

    /// <summary>Creates the MSP from its definition.</summary>
    /// <param name="definition">MSP ID, CA certificates, NodeOUs.</param>
    /// <param name="clock">The clock for validity checks; default <see cref="TimeProvider.System"/>.</param>
    public MembershipServiceProvider(MspDefinition definition, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(definition.MspId);
        if (definition.RootCerts.Count == 0)
        {
            throw new ArgumentException($"MSP {definition.MspId} has no root CA certificate.", nameof(definition));
        }

        Definition = definition;
        _clock = clock ?? TimeProvider.System;
        _chains = new ChainVerifier(definition.RootCerts, definition.IntermediateCerts);
        _mspIdUtf8 = Encoding.UTF8.GetBytes(definition.MspId);
        _check = Check;
    }

    /// <summary>The MSP ID.</summary>
    public string MspId => Definition.MspId;

    /// <summary>The MSP's definition.</summary>
    public MspDefinition Definition { get; }

    /// <summary>Reads an MSP folder (see <see cref="MspFolder"/>) and creates the MSP under <paramref name="mspId"/>.</summary>
    public static MembershipServiceProvider FromFolder(string mspDirectory, string mspId, TimeProvider? clock = null) =>
        new(MspFolder.Read(mspDirectory).ToDefinition(mspId), clock);

    /// <summary>Validates serialized identity bytes (<c>msp.SerializedIdentity</c>), such as a header's creator.</summary>
    public IdentityValidationResult Validate(ReadOnlySpan<byte> serializedIdentity)
    {
        if (!SerializedIdentityReader.TryRead(serializedIdentity, out var mspId, out var pem))
        {
            return MalformedIdentity;
        }

        return mspId.SequenceEqual(_mspIdUtf8) ? ValidateCertificate(pem) : MspIdMismatch(Encoding.UTF8.GetString(mspId));
    }

    /// <summary>Validates an identity given as MSP ID and certificate PEM bytes.</summary>
    public IdentityValidationResult Validate(string mspId, ReadOnlySpan<byte> certificatePem)
    {
        ArgumentNullException.ThrowIfNull(mspId);
        return mspId == MspId ? ValidateCertificate(certificatePem) : MspIdMismatch(mspId);
    }

    /// <summary>Validates a certificate as an identity of this MSP (it is PEM-encoded as Go does).</summary>
    public IdentityValidationResult Validate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Validate(MspId, Pem.EncodeCertificateUtf8(certificate));
    }

    /// <summary>True when the serialized identity is valid here and satisfies <paramref name="principal"/>.</summary>
    public bool SatisfiesPrincipal(ReadOnlySpan<byte> serializedIdentity, MspPrincipal principal) =>
        Validate(serializedIdentity) is { IsValid: true, Identity: var identity } && identity.Satisfies(principal);

    /// <summary>The result for bytes that are not a <c>msp.SerializedIdentity</c>.</summary>
    internal static IdentityValidationResult MalformedIdentity { get; } =
        IdentityValidationResult.Invalid(IdentityValidationError.MalformedIdentity, "not a serialized identity (msp.SerializedIdentity)");

    private IdentityValidationResult ValidateCertificate(ReadOnlySpan<byte> certificatePem)
    {
        var check = _cache.GetOrAdd(certificatePem, _check);
        return check.FailureBeforeTime ?? CheckTime(check.Chain) ?? check.Outcome!;
    }

    private IdentityValidationResult MspIdMismatch(string mspId) => IdentityValidationResult.Invalid(
        IdentityValidationError.MspIdMismatch,
        $"identity for \"{mspId}\": cannot be validated by MSP \"{MspId}\"");

    private IdentityCheck Check(byte[] certificatePem)
    {
        if (!Pem.TryLoadCertificate(Encoding.UTF8.GetString(certificatePem), out var certificate, out var error))
        {
            return IdentityCheck.Fail(Invalid(IdentityValidationError.MalformedCertificate, error));
        }

        using (var key = certificate.GetECDsaPublicKey())
        {
            if (key is null || !P256Keys.IsP256(key))
            {
                return IdentityCheck.Fail(Invalid(IdentityValidationError.UnsupportedKey, "the certificate's key is not ECDSA P-256"));
            }
        }

        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            return IdentityCheck.Fail(Invalid(IdentityValidationError.CaCertificate, "a CA certificate cannot be used as an identity"));
        }

        var chain = _chains.Build(certificate);
        if (chain is null)
        {
            return IdentityCheck.Fail(Invalid(IdentityValidationError.NotIssuedByMsp, $"not issued by a CA of {MspId}"));
        }

        return new IdentityCheck(null, chain, ClassifyRole(certificate, certificatePem, chain));
    }

    private IdentityValidationResult ClassifyRole(X509Certificate2 certificate, byte[] certificatePem, ChainLink[] chain)
    {
        var isListedAdmin = Definition.AdminCerts.Any(a => a.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span));
        if (Definition.NodeOUs is not { Enable: true } nodeOUs)
        {
            return IdentityValidationResult.Valid(new MspIdentity(MspId, certificate, certificatePem, role: null, isListedAdmin));
        }

        var units = DistinguishedNames.GetValues(certificate.SubjectName, DistinguishedNames.OrganizationalUnitOid);
        var issuer = chain[1].Certificate;
        var roles = new List<NodeOURole>();
        foreach (var role in NodeOURoles.All)
        {
            // As Fabric: an OU counts for a role when its name matches and, if the config names a CA, that CA issued the identity.
            if (nodeOUs.Get(role) is { } identifier
                && units.Contains(identifier.OrganizationalUnit, StringComparer.Ordinal)
                && (identifier.Certificate is null || identifier.Certificate.RawDataMemory.Span.SequenceEqual(issuer.RawDataMemory.Span)))
            {
                roles.Add(role);
            }
        }

        return roles.Count switch
        {
            1 => IdentityValidationResult.Valid(new MspIdentity(MspId, certificate, certificatePem, roles[0], isListedAdmin)),
            0 => Invalid(IdentityValidationError.NoNodeOURole, $"no NodeOU role (expected one of {ExpectedRoles(nodeOUs)})"),
            _ => Invalid(IdentityValidationError.MultipleNodeOURoles, $"more than one NodeOU role ({string.Join(", ", roles.Select(r => nodeOUs.Get(r)!.OrganizationalUnit))})"),
        };
    }

    private IdentityValidationResult? CheckTime(ChainLink[] chain)
    {
        var now = _clock.GetUtcNow();
        for (var i = 0; i < chain.Length; i++)
        {
            var link = chain[i];
            if (now > link.NotAfter)
            {
                return Invalid(IdentityValidationError.Expired, $"{Describe(i, link)} expired on {Format(link.NotAfter)}");
            }

            if (now < link.NotBefore)
            {
                return Invalid(IdentityValidationError.NotYetValid, $"{Describe(i, link)} is not valid before {Format(link.NotBefore)}");
            }
        }

        return null;
    }

    private IdentityValidationResult Invalid(IdentityValidationError error, string reason) =>
        IdentityValidationResult.Invalid(error, $"identity for \"{MspId}\": {reason}");

    private static string ExpectedRoles(NodeOUConfig nodeOUs) =>
        string.Join(", ", NodeOURoles.All.Select(nodeOUs.Get).OfType<NodeOUIdentifier>().Select(i => i.OrganizationalUnit));

    private static string Describe(int index, ChainLink link) =>
        index == 0 ? "certificate" : $"CA certificate \"{link.CommonName}\"";

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
