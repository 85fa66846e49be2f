using System.Diagnostics.CodeAnalysis;

namespace Ceiba.Network.Msp;

/// <summary>The outcome of validating an identity: the identity when valid, otherwise an error and a reason.</summary>
public sealed record IdentityValidationResult
{
    private IdentityValidationResult(MspIdentity? identity, IdentityValidationError error, string reason)
    {
        Identity = identity;
        Error = error;
        Reason = reason;
    }

    /// <summary>True when the identity is valid.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    public bool IsValid => Error == IdentityValidationError.None;

    /// <summary>The validated identity; null when invalid.</summary>
    public MspIdentity? Identity { get; }

    /// <summary>What failed; <see cref="IdentityValidationError.None"/> when valid.</summary>
    public IdentityValidationError Error { get; }

    /// <summary>
    /// A sentence for logs and errors, e.g. <c>identity for "HabanaMSP": certificate expired on 2025-01-01T00:00:00Z</c>;
    /// empty when valid.
    /// </summary>
    public string Reason { get; }

    /// <summary>A valid result.</summary>
    public static IdentityValidationResult Valid(MspIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity, IdentityValidationError.None, string.Empty);
    }

    /// <summary>An invalid result.</summary>
    public static IdentityValidationResult Invalid(IdentityValidationError error, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(error, IdentityValidationError.None);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(null, error, reason);
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"valid: {Identity}" : Reason;
}
