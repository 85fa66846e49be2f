namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// The time-independent part of validating one certificate against one MSP, cached per certificate:
/// a failure found before the validity check, the chain's validity windows, and then either a
/// failure found after it (NodeOU) or the valid result.
/// </summary>
internal sealed record IdentityCheck(
    IdentityValidationResult? FailureBeforeTime,
    ChainLink[] Chain,
    IdentityValidationResult? Outcome)
{
    public static IdentityCheck Fail(IdentityValidationResult failure) => new(failure, [], null);
}
