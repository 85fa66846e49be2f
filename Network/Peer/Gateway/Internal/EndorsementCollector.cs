using System.Collections.Concurrent;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Collects the endorsements a proposal needs: this peer's own first, then, concurrently, one peer of each further
/// organization that <see cref="EndorsementWaves"/> plans (trying the next peer of an org when one fails) until the
/// chaincode's endorsement policy is satisfied, or exactly the organizations the client named. Each proposal starts
/// at the next organization in turn, so that the other organizations share the endorsement load. All responses must
/// carry the same ProposalResponsePayload.
/// </summary>
internal sealed class EndorsementCollector(ProposalEndorser local, string localMspId, string localAddress, RemoteEndorsers remotes)
{
    private readonly ConcurrentDictionary<string, MspIdentity> _endorsedWith = new(StringComparer.Ordinal);
    private int _turn;

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
            : InTurn(remotes.ByOrg.Select(g => g.Key).Where(org => org != localMspId).ToList());
        bool IsSatisfied(IReadOnlyList<MspIdentity> endorsers) => channel.EndorsementPolicies.Evaluate(chaincode, endorsers).IsSatisfied;
        while (candidates.Count > 0)
        {
            var wave = explicitOrgs
                ? candidates
                : EndorsementWaves.Next(candidates, identities, org => _endorsedWith.GetValueOrDefault(org), IsSatisfied);
            if (wave.Count == 0)
            {
                break;
            }

            candidates = candidates.Except(wave).ToList();
            var answers = await Task.WhenAll(wave.Select(org => EndorseByOrgAsync(org, proposal, cancellationToken))).ConfigureAwait(false);
            foreach (var (org, response, address, failures) in answers)
            {
                details.AddRange(failures);
                if (response is not null && Accept(response, address, org, channel, responses, identities) is { } identity)
                {
                    _endorsedWith[org] = identity;
                }
            }
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

    /// <summary>The organizations rotated by one more place for each proposal.</summary>
    private List<string> InTurn(List<string> orgs)
    {
        if (orgs.Count < 2)
        {
            return orgs;
        }

        var start = (int)((uint)Interlocked.Increment(ref _turn) % (uint)orgs.Count);
        return [.. orgs.Skip(start), .. orgs.Take(start)];
    }

    private async Task<(string Org, ProposalResponse? Response, string Address, List<ErrorDetail> Failures)> EndorseByOrgAsync(
        string org, SignedProposal proposal, CancellationToken cancellationToken)
    {
        var failures = new List<ErrorDetail>();
        foreach (var peer in remotes.ByOrg[org])
        {
            try
            {
                var response = await remotes.ProcessAsync(peer, proposal, cancellationToken).ConfigureAwait(false);
                return (org, response, peer.Address, failures);
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                failures.Add(GatewayErrors.Detail(peer.Address, org, error.Status.Detail));
            }
        }

        if (!remotes.ByOrg[org].Any())
        {
            failures.Add(GatewayErrors.Detail(string.Empty, org, $"no peer of {org} is known"));
        }

        return (org, null, string.Empty, failures);
    }

    /// <returns>The endorser's identity when its MSP validates it; such endorsements count towards the policy.</returns>
    private static MspIdentity? Accept(ProposalResponse response, string address, string mspId, PeerChannel channel, List<ProposalResponse> responses, List<MspIdentity> identities)
    {
        if (response.Response is not { Status: < 400 } || response.Endorsement is null)
        {
            var status = response.Response?.Status ?? 500;
            var message = $"chaincode response {status}, {response.Response?.Message}";
            throw GatewayErrors.Create(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info", [GatewayErrors.Detail(address, mspId, message)]);
        }

        responses.Add(response);
        if (channel.Policies.Msps.Validate(response.Endorsement.Endorser.Span) is { IsValid: true, Identity: { } identity })
        {
            identities.Add(identity);
            return identity;
        }

        return null;
    }
}
