using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Evaluates a proposal on one peer: this peer unless the client named target organizations that exclude its own,
/// otherwise a peer of the first target organization that answers (the next peer, then the next organization, when
/// one is unreachable). A chaincode status ≥ 400 is final and reported with that peer's address and organization.
/// </summary>
internal sealed class ProposalEvaluator(ProposalEndorser local, string localMspId, string localAddress, RemoteEndorsers remotes)
{
    public async Task<Response> EvaluateAsync(SignedProposal proposal, IReadOnlyCollection<string> targetOrgs, CancellationToken cancellationToken)
    {
        if (targetOrgs.Count == 0 || targetOrgs.Contains(localMspId))
        {
            return Result(await local.ProcessAsync(proposal, cancellationToken).ConfigureAwait(false), localAddress, localMspId);
        }

        var details = new List<ErrorDetail>();
        foreach (var org in targetOrgs)
        {
            if (!remotes.ByOrg[org].Any())
            {
                details.Add(GatewayErrors.Detail(string.Empty, org, $"no peer of {org} is known"));
            }

            foreach (var peer in remotes.ByOrg[org])
            {
                ProposalResponse response;
                try
                {
                    response = await remotes.ProcessAsync(peer, proposal, cancellationToken).ConfigureAwait(false);
                }
                catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
                {
                    details.Add(GatewayErrors.Detail(peer.Address, org, error.Status.Detail));
                    continue;
                }

                return Result(response, peer.Address, org);
            }
        }

        throw GatewayErrors.Create(
            StatusCode.Unavailable, $"no peers available to evaluate chaincode in organizations [{string.Join(", ", targetOrgs)}]", details);
    }

    private static Response Result(ProposalResponse response, string address, string mspId)
    {
        if (response.Response is { Status: < 400 } result)
        {
            return result;
        }

        var message = $"chaincode response {response.Response?.Status}, {response.Response?.Message}";
        throw GatewayErrors.Create(StatusCode.Unknown, $"evaluate call to endorser returned error: {message}", [GatewayErrors.Detail(address, mspId, message)]);
    }
}
