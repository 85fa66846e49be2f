namespace Ceiba.Network.Topology.Policies;

/// <summary>
/// A reference to the same-named policy of every organization in the channel, combined by <see cref="Rule"/>:
/// <c>MAJORITY Endorsement</c> is met when a majority of the channel's orgs meet their <c>Endorsement</c> policy.
/// </summary>
/// <param name="Rule">How the orgs' policies combine.</param>
/// <param name="SubPolicy">The name of the org-level policy, e.g. <c>Endorsement</c>.</param>
public sealed record ImplicitMetaPolicyExpression(ImplicitMetaRule Rule, string SubPolicy) : PolicyExpression
{
    /// <inheritdoc />
    public override string Format() => $"{Rule.ToString().ToUpperInvariant()} {SubPolicy}";

    /// <inheritdoc />
    public override IEnumerable<SignedBy> Principals() => [];
}
