namespace Ceiba.Network.Policies;

/// <summary>The outcome of a policy evaluation, with a reason a log line or a client can read.</summary>
/// <param name="IsSatisfied">True when the policy is satisfied.</param>
/// <param name="Reason">Why it failed; empty when satisfied.</param>
public readonly record struct PolicyResult(bool IsSatisfied, string Reason)
{
    /// <summary>A satisfied result.</summary>
    public static PolicyResult Satisfied { get; } = new(true, string.Empty);

    /// <summary>A failed result with <paramref name="reason"/>.</summary>
    public static PolicyResult Failed(string reason) => new(false, reason);
}
