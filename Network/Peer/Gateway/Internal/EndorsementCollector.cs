using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Collects the endorsements a proposal needs: this peer's own, then one peer of each further
/// organization (trying the next peer of an org when one fails) until the chaincode's endorsement
/// policy is satisfied, or exactly the organizations the client named. All responses must carry the
/// same ProposalResponsePayload.
/// </summary>
internal sealed class EndorsementCollector(ProposalEndorser local, string localMspId, string localAddress, RemoteEndorsers remotes)
{
    public async Task<IReadOnlyList<ProposalResponse>> CollectAsync(
        SignedProposal proposal, PeerChannel channel, string chaincode, IReadOnlyCollection<string> requiredOrgs, CancellationToken cancellationToken)
    {
        var responses = new List<ProposalResponse>();
        var identities = new List<MspIdentity>();
        var details = new List<ErrorDetail>();
        var explicitOrgs = requiredOrgs.Count > 0;
        if (!explicitOrgs || requiredOrgs.Contains(localMspId))
        {
            var own = await local.ProcessAsync(proposal, cancellationToken).ConfigureAwait(false);
            Accept(own, localAddress, localMspId, channel, responses, identities);
        }

        var candidates = explicitOrgs
            ? requiredOrgs.Where(org => org != localMspId).ToList()
            : remotes.ByOrg.Select(g => g.Key).Where(org => org != localMspId).ToList();
        foreach (var org in candidates)
        {
            if (!explicitOrgs && channel.EndorsementPolicies.Evaluate(chaincode, identities).IsSatisfied)
            {
                break;
            }

            await EndorseByOrgAsync(org, proposal, channel, responses, identities, details, cancellationToken).ConfigureAwait(false);
        }

        var policy = channel.EndorsementPolicies.Evaluate(chaincode, identities);
        if (!explicitOrgs && !policy.IsSatisfied)
        {
            throw GatewayErrors.Create(StatusCode.Unavailable, $"failed to collect enough transaction endorsements: {policy.Reason}", details);
        }

        if (responses.Skip(1).Any(r => r.Payload != responses[0].Payload))
        {
            throw GatewayErrors.Create(StatusCode.Aborted, "failed to assemble transaction: ProposalResponsePayloads do not match");
        }

        return responses;
    }

    private async Task EndorseByOrgAsync(
        string org, SignedProposal proposal, PeerChannel channel, List<ProposalResponse> responses, List<MspIdentity> identities, List<ErrorDetail> details, CancellationToken cancellationToken)
    {
        foreach (var peer in remotes.ByOrg[org])
        {
            try
            {
                var response = await remotes.ProcessAsync(peer, proposal, cancellationToken).ConfigureAwait(false);
                Accept(response, peer.Address, org, channel, responses, identities);
                return;
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                details.Add(GatewayErrors.Detail(peer.Address, org, error.Status.Detail));
            }
        }

        if (!remotes.ByOrg[org].Any())
        {
            details.Add(GatewayErrors.Detail(string.Empty, org, $"no peer of {org} is known"));
        }
    }

    private static void Accept(ProposalResponse response, string address, string mspId, PeerChannel channel, List<ProposalResponse> responses, List<MspIdentity> identities)
    {
        if (response.Response is not { Status: < 400 } || response.Endorsement is null)
        {
            var status = response.Response?.Status ?? 500;
            var message = $"chaincode response {status}, {response.Response?.Message}";
            throw GatewayErrors.Create(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info", [GatewayErrors.Detail(address, mspId, message)]);
        }

        if (channel.Policies.Msps.Validate(response.Endorsement.Endorser.Span) is { IsValid: true, Identity: { } identity })
        {
            identities.Add(identity);
        }

        responses.Add(response);
    }
}
