using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Endorser;

/// <summary><c>protos.Endorser/ProcessProposal</c> over gRPC.</summary>
/// <param name="endorser">The endorsement logic.</param>
public sealed class EndorserService(ProposalEndorser endorser) : Protos.Peer.Endorser.EndorserBase
{
    /// <inheritdoc />
    public override async Task<ProposalResponse> ProcessProposal(SignedProposal request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var activity = PeerTracing.StartServerSpan("protos.Endorser/ProcessProposal", context);
        var response = await endorser.ProcessAsync(request, context.CancellationToken).ConfigureAwait(false);
        if (response.Endorsement is null)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"{response.Response?.Status}: {response.Response?.Message}");
        }

        return response;
    }
}
