using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Peer.Gateway.Internal;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Grpc.Core;

namespace Ceiba.Network.Peer.Gateway;

/// <summary>
/// <c>gateway.Gateway</c> on the peer (FABRIC-FACTS §1): Evaluate on this peer or one of the client's target organizations, Endorse across the
/// organizations the endorsement policy needs, Submit to the orderers with failover, CommitStatus
/// that waits for the commit, and ChaincodeEvents. Errors are google.rpc.Status with ErrorDetails.
/// </summary>
public sealed class GatewayService : Protos.Gateway.Gateway.GatewayBase, IDisposable
{
    private readonly Func<string, PeerChannel?> _channels;
    private readonly RemoteEndorsers _remotes;
    private readonly OrdererSubmitter _submitter;
    private readonly EndorsementCollector _collector;
    private readonly ProposalEvaluator _evaluator;
    private readonly PeerMetrics? _metrics;

    /// <summary>Creates the gateway of one peer.</summary>
    /// <param name="channels">The channels this peer has joined, by name.</param>
    /// <param name="local">This peer's endorser.</param>
    /// <param name="localMspId">This peer's organization.</param>
    /// <param name="localAddress">This peer's address, for error details.</param>
    /// <param name="peers">The other peers of the network.</param>
    /// <param name="orderers">The ordering nodes.</param>
    /// <param name="metrics">Where completed requests are counted, optional.</param>
    public GatewayService(Func<string, PeerChannel?> channels, ProposalEndorser local, string localMspId, string localAddress, IReadOnlyList<PeerEndpoint> peers, IReadOnlyList<Delivery.OrdererEndpoint> orderers, PeerMetrics? metrics = null)
    {
        _metrics = metrics;
        _channels = channels;
        _remotes = new RemoteEndorsers(peers);
        _submitter = new OrdererSubmitter(orderers);
        _collector = new EndorsementCollector(local, localMspId, localAddress, _remotes);
        _evaluator = new ProposalEvaluator(local, localMspId, localAddress, _remotes);
    }

    /// <inheritdoc />
    public override Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context) => TrackAsync("Evaluate", context, () => EvaluateCoreAsync(request, context));

    private async Task<EvaluateResponse> EvaluateCoreAsync(EvaluateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var proposal = request.ProposedTransaction ?? throw GatewayErrors.InvalidArgument("a proposed transaction is required");
        var result = await _evaluator.EvaluateAsync(proposal, [.. request.TargetOrganizations], context.CancellationToken).ConfigureAwait(false);
        return new EvaluateResponse { Result = result };
    }

    /// <inheritdoc />
    public override Task<EndorseResponse> Endorse(EndorseRequest request, ServerCallContext context) => TrackAsync("Endorse", context, () => EndorseCoreAsync(request, context));

    private async Task<EndorseResponse> EndorseCoreAsync(EndorseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var signed = request.ProposedTransaction ?? throw GatewayErrors.InvalidArgument("a proposed transaction is required");
        Proposal proposal;
        string chaincode;
        try
        {
            proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes.Span);
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload.Span);
            chaincode = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input.Span).ChaincodeSpec?.ChaincodeId?.Name ?? string.Empty;
        }
        catch (InvalidProtocolBufferException error)
        {
            throw GatewayErrors.InvalidArgument($"the proposal does not parse: {error.Message}");
        }

        var channel = _channels(request.ChannelId) ?? throw GatewayErrors.Create(StatusCode.NotFound, $"channel '{request.ChannelId}' not found");
        var responses = await _collector.CollectAsync(signed, channel, chaincode, [.. request.EndorsingOrganizations], context.CancellationToken).ConfigureAwait(false);
        var envelope = TransactionAssembler.Assemble(proposal, responses[0].Payload, responses.Select(r => r.Endorsement));
        return new EndorseResponse { PreparedTransaction = envelope };
    }

    /// <inheritdoc />
    public override Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context) => TrackAsync("Submit", context, () => SubmitCoreAsync(request, context));

    private async Task<SubmitResponse> SubmitCoreAsync(SubmitRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.PreparedTransaction is not { Signature.IsEmpty: false } envelope)
        {
            throw GatewayErrors.InvalidArgument("prepared transaction must be signed");
        }

        await _submitter.SubmitAsync(envelope, context.CancellationToken).ConfigureAwait(false);
        return new SubmitResponse();
    }

    /// <inheritdoc />
    public override Task<CommitStatusResponse> CommitStatus(SignedCommitStatusRequest request, ServerCallContext context) => TrackAsync("CommitStatus", context, () => CommitStatusCoreAsync(request, context));

    private async Task<CommitStatusResponse> CommitStatusCoreAsync(SignedCommitStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (status, channel) = SignedRequests.CommitStatus(request, _channels);
        while (true)
        {
            var height = channel.Ledger.Height;
            if (channel.Ledger.FindTransaction(status.TransactionId) is { } record)
            {
                return new CommitStatusResponse { Result = record.ValidationCode, BlockNumber = record.BlockNumber };
            }

            await channel.Ledger.WaitForBlockAsync(height, context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task ChaincodeEvents(SignedChaincodeEventsRequest request, IServerStreamWriter<ChaincodeEventsResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var (events, channel) = SignedRequests.ChaincodeEvents(request, _channels);
        try
        {
            await foreach (var response in ChaincodeEventReader.ReadAsync(channel, events, context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (ServerCallEnds.IsClientGone(exception, context))
        {
            // The client stopped listening.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _remotes.Dispose();
        _submitter.Dispose();
    }

    private async Task<T> TrackAsync<T>(string method, ServerCallContext context, Func<Task<T>> call)
    {
        using var activity = PeerTracing.StartServerSpan($"gateway.Gateway/{method}", context);
        try
        {
            var result = await call().ConfigureAwait(false);
            _metrics?.GatewayRequestCompleted(method, success: true);
            return result;
        }
        catch (RpcException error)
        {
            PeerTracing.Fail(activity, error);
            _metrics?.GatewayRequestCompleted(method, success: false);
            throw;
        }
    }
}
