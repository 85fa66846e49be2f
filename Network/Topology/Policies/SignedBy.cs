namespace Ceiba.Network.Topology.Policies;

using MspRole = Ceiba.Network.Msp.MspRole;

/// <summary>A principal: a signature by an identity with <see cref="Role"/> in MSP <see cref="MspId"/>, written <c>'HabanaMSP.peer'</c>.</summary>
/// <param name="MspId">The MSP ID.</param>
/// <param name="Role">The role the signer must have.</param>
public sealed record SignedBy(string MspId, MspRole Role) : SignaturePolicyExpression
{
    /// <inheritdoc />
    public override string Format() => $"'{MspId}.{Role.ToString().ToLowerInvariant()}'";

    /// <inheritdoc />
    public override IEnumerable<SignedBy> Principals() => [this];
}
