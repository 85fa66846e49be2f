using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Endorser;

/// <summary><c>protos.Endorser/ProcessProposal</c> over gRPC.</summary>
/// <param name="endorser">The endorsement logic.</param>
public sealed class EndorserService(ProposalEndorser endorser) : Protos.Peer.Endorser.EndorserBase
{
    /// <inheritdoc />
    public override Task<ProposalResponse> ProcessProposal(SignedProposal request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return endorser.ProcessAsync(request, context.CancellationToken);
    }
}
