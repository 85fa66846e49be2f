namespace Ceiba.Network.Msp;

/// <summary>
/// The MSPs a node knows (a channel's organizations), keyed by MSP ID: validates any identity by
/// the MSP it names, and reports unknown MSPs. Thread-safe.
/// </summary>
public sealed class MspRegistry
{
    private readonly Dictionary<string, MembershipServiceProvider> _msps;

    /// <summary>Creates the registry.</summary>
    /// <exception cref="ArgumentException">Two MSPs share an ID.</exception>
    public MspRegistry(IEnumerable<MembershipServiceProvider> msps)
    {
        ArgumentNullException.ThrowIfNull(msps);
        _msps = new Dictionary<string, MembershipServiceProvider>(StringComparer.Ordinal);
        foreach (var msp in msps)
        {
            if (!_msps.TryAdd(msp.MspId, msp))
            {
                throw new ArgumentException($"Duplicate MSP ID \"{msp.MspId}\".", nameof(msps));
            }
        }
    }

    /// <summary>The known MSP IDs.</summary>
    public IEnumerable<string> MspIds => _msps.Keys;

    /// <summary>The MSP with <paramref name="mspId"/>, or null.</summary>
    public MembershipServiceProvider? Find(string mspId) => _msps.GetValueOrDefault(mspId);

    /// <summary>Validates serialized identity bytes against the MSP they name.</summary>
    public IdentityValidationResult Validate(ReadOnlySpan<byte> serializedIdentity) =>
        SerializedIdentities.TryDeserialize(serializedIdentity, out var mspId, out var pem)
            ? Validate(mspId, pem.Span)
            : IdentityValidationResult.Invalid(IdentityValidationError.MalformedIdentity, "not a serialized identity (msp.SerializedIdentity)");

    /// <summary>Validates an identity given as MSP ID and certificate PEM bytes.</summary>
    public IdentityValidationResult Validate(string mspId, ReadOnlySpan<byte> certificatePem)
    {
        ArgumentNullException.ThrowIfNull(mspId);
        return _msps.TryGetValue(mspId, out var msp)
            ? msp.Validate(mspId, certificatePem)
            : IdentityValidationResult.Invalid(IdentityValidationError.UnknownMsp, $"unknown MSP \"{mspId}\"");
    }

    /// <summary>True when the serialized identity is valid and satisfies <paramref name="principal"/> (e.g. <c>HabanaMSP.peer</c>).</summary>
    public bool SatisfiesPrincipal(ReadOnlySpan<byte> serializedIdentity, MspPrincipal principal) =>
        Validate(serializedIdentity) is { IsValid: true, Identity: var identity } && identity.Satisfies(principal);
}
