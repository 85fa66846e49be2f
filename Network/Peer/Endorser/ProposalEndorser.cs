using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Peer.Endorser.Internal;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.Network.Peer.Endorser;

/// <summary>
/// Endorses proposals as a Fabric peer does: checks the signed proposal, simulates the chaincode
/// against committed state, and signs the ProposalResponsePayload with the peer's identity. A refused
/// proposal or a chaincode status ≥ 400 is answered with that status and no endorsement; ≥ 500 keeps the payload.
/// </summary>
/// <param name="channels">The channels this peer has joined, by name.</param>
/// <param name="chaincodes">The chaincode servers this peer runs.</param>
/// <param name="identity">The peer's signing identity.</param>
/// <param name="logger">Where refusals are logged.</param>
/// <param name="metrics">Where proposal durations are recorded, optional.</param>
public sealed class ProposalEndorser(Func<string, PeerChannel?> channels, ChaincodeLauncher chaincodes, SigningIdentity identity, ILogger<ProposalEndorser>? logger = null, PeerMetrics? metrics = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ProposalEndorser>.Instance;

    /// <summary>Processes one signed proposal; never throws for bad input, the response carries the error.</summary>
    public async Task<ProposalResponse> ProcessAsync(SignedProposal signed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (response, channel, chaincode) = await ProcessCoreAsync(signed, cancellationToken).ConfigureAwait(false);
        metrics?.ProposalProcessed(channel, chaincode, response.Endorsement is not null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return response;
    }

    private async Task<(ProposalResponse Response, string Channel, string Chaincode)> ProcessCoreAsync(SignedProposal signed, CancellationToken cancellationToken)
    {
        CheckedProposal proposal;
        try
        {
            proposal = ProposalChecks.Check(signed, channels);
        }
        catch (ProposalException error)
        {
            Log.ProposalRefused(_logger, error.Message);
            return (Failure(500, error.Message), string.Empty, string.Empty);
        }

        var endpoint = chaincodes.Find(proposal.Chaincode);
        if (endpoint is null || !proposal.Channel.EndorsementPolicies.IsDefined(proposal.Chaincode))
        {
            return (Failure(500, $"make sure the chaincode {proposal.Chaincode} has been successfully defined on channel {proposal.Channel.ChannelId} and try again: chaincode {proposal.Chaincode} not found"), proposal.Channel.ChannelId, proposal.Chaincode);
        }

        ChaincodeResult result;
        try
        {
            result = await chaincodes.ExecuteAsync(
                proposal.Channel.ChannelId, proposal.ChannelHeader.TxId, proposal.Chaincode, signed, proposal.Input, proposal.Channel.Ledger, cancellationToken).ConfigureAwait(false);
        }
        catch (ChaincodeExecutionException error)
        {
            Log.ChaincodeFailed(_logger, proposal.Chaincode, proposal.ChannelHeader.TxId, error.Message);
            return (Failure(500, $"error in simulation: {error.Message}"), proposal.Channel.ChannelId, proposal.Chaincode);
        }

        return (Respond(proposal, result, endpoint.Version), proposal.Channel.ChannelId, proposal.Chaincode);
    }

    private ProposalResponse Respond(CheckedProposal proposal, ChaincodeResult result, string version)
    {
        var status = result.Response.Status;
        if (status >= 400 && status < 500)
        {
            return new ProposalResponse { Version = 1, Timestamp = Now(), Response = result.Response };
        }

        var action = new ChaincodeAction
        {
            Results = result.ReadWriteSet.ToByteString(),
            Events = result.Event?.ToByteString() ?? ByteString.Empty,
            Response = result.Response,
            ChaincodeId = new ChaincodeID { Name = proposal.Chaincode, Version = version },
        };
        var hash = ProposalHash.Compute(
            proposal.Header.ChannelHeader.Span, proposal.Header.SignatureHeader.Span, TransactionAssembler.WithoutTransient(proposal.Payload).ToByteArray());
        var payload = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(hash), Extension = action.ToByteString() }.ToByteString();
        var response = new ProposalResponse { Version = 1, Timestamp = Now(), Response = result.Response, Payload = payload };
        if (status < 400)
        {
            response.Endorsement = new Endorsement
            {
                Endorser = ByteString.CopyFrom(identity.Serialized.Span),
                Signature = ByteString.CopyFrom(identity.SignMessage(ProposalHash.EndorsementSignedBytes(payload.Span, identity.Serialized.Span))),
            };
        }

        return response;
    }

    private static ProposalResponse Failure(int status, string message) =>
        new() { Version = 1, Timestamp = Now(), Response = new Response { Status = status, Message = message } };

    private static Timestamp Now() => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
}
