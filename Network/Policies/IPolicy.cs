using Ceiba.Network.Msp;

namespace Ceiba.Network.Policies;

/// <summary>A compiled Fabric policy: a signature policy or an implicit-meta policy over sub-groups.</summary>
public interface IPolicy
{
    /// <summary>
    /// Evaluates the policy over identities that were already validated by their MSP and whose
    /// signatures were already verified. Each identity counts at most once.
    /// </summary>
    bool IsSatisfiedBy(IReadOnlyList<MspIdentity> identities);
}
