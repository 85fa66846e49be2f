using System.Text;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// The MSPs a node knows (a channel's organizations), keyed by MSP ID: validates any identity by
/// the MSP it names, and reports unknown MSPs. Thread-safe.
/// </summary>
public sealed class MspRegistry
{
    private readonly Dictionary<string, MembershipServiceProvider> _msps;
    private readonly (byte[] MspIdUtf8, MembershipServiceProvider Msp)[] _byUtf8Id;

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

        _byUtf8Id = [.. _msps.Values.Select(m => (Encoding.UTF8.GetBytes(m.MspId), m))];
    }

    /// <summary>The known MSP IDs.</summary>
    public IEnumerable<string> MspIds => _msps.Keys;

    /// <summary>The MSP with <paramref name="mspId"/>, or null.</summary>
    public MembershipServiceProvider? Find(string mspId) => _msps.GetValueOrDefault(mspId);

    /// <summary>Validates serialized identity bytes against the MSP they name.</summary>
    public IdentityValidationResult Validate(ReadOnlySpan<byte> serializedIdentity)
    {
        if (!SerializedIdentityReader.TryRead(serializedIdentity, out var mspId, out _))
        {
            return MembershipServiceProvider.MalformedIdentity;
        }

        // A channel has a handful of organizations: a scan over their UTF-8 IDs beats decoding a string.
        foreach (var (mspIdUtf8, msp) in _byUtf8Id)
        {
            if (mspId.SequenceEqual(mspIdUtf8))
            {
                return msp.Validate(serializedIdentity);
            }
        }

        return UnknownMsp(Encoding.UTF8.GetString(mspId));
    }

    /// <summary>Validates an identity given as MSP ID and certificate PEM bytes.</summary>
    public IdentityValidationResult Validate(string mspId, ReadOnlySpan<byte> certificatePem)
    {
        ArgumentNullException.ThrowIfNull(mspId);
        return _msps.TryGetValue(mspId, out var msp) ? msp.Validate(mspId, certificatePem) : UnknownMsp(mspId);
    }

    private static IdentityValidationResult UnknownMsp(string mspId) =>
        IdentityValidationResult.Invalid(IdentityValidationError.UnknownMsp, $"unknown MSP \"{mspId}\"");

    /// <summary>True when the serialized identity is valid and satisfies <paramref name="principal"/> (e.g. <c>HabanaMSP.peer</c>).</summary>
    public bool SatisfiesPrincipal(ReadOnlySpan<byte> serializedIdentity, MspPrincipal principal) =>
        Validate(serializedIdentity) is { IsValid: true, Identity: var identity } && identity.Satisfies(principal);
}
