using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>The calls a Fabric gateway client makes, over raw gRPC: sign, endorse, sign the envelope, submit, wait for the commit status.</summary>
public sealed class GatewayCalls(GrpcChannel channel, SigningIdentity client, string channelId)
{
    public Protos.Gateway.Gateway.GatewayClient Client { get; } = new(channel);

    public (SignedProposal Signed, string TxId) Propose(params string[] args)
    {
        var proposal = TestTransactions.Proposal(client, channelId, TestTransactions.Chaincode, TransactionIds.NewNonce(), out var txId, args);
        var bytes = proposal.ToByteString();
        return (new SignedProposal { ProposalBytes = bytes, Signature = ByteString.CopyFrom(client.SignMessage(bytes.Span)) }, txId);
    }

    public async Task<Response> EvaluateAsync(CancellationToken cancellationToken, params string[] args)
    {
        var (signed, txId) = Propose(args);
        var response = await Client.EvaluateAsync(new EvaluateRequest { TransactionId = txId, ChannelId = channelId, ProposedTransaction = signed }, cancellationToken: cancellationToken);
        return response.Result;
    }

    public async Task<(string TxId, Protos.Common.Envelope Envelope)> EndorseAsync(CancellationToken cancellationToken, IEnumerable<string>? orgs, params string[] args)
    {
        var (signed, txId) = Propose(args);
        var request = new EndorseRequest { TransactionId = txId, ChannelId = channelId, ProposedTransaction = signed };
        request.EndorsingOrganizations.AddRange(orgs ?? []);
        var response = await Client.EndorseAsync(request, cancellationToken: cancellationToken);
        var envelope = response.PreparedTransaction;
        envelope.Signature = ByteString.CopyFrom(client.SignMessage(envelope.Payload.Span));
        return (txId, envelope);
    }

    public async Task<CommitStatusResponse> SubmitAndWaitAsync(CancellationToken cancellationToken, params string[] args)
    {
        var (txId, envelope) = await EndorseAsync(cancellationToken, null, args);
        await Client.SubmitAsync(new SubmitRequest { TransactionId = txId, ChannelId = channelId, PreparedTransaction = envelope }, cancellationToken: cancellationToken);
        return await CommitStatusAsync(txId, client, cancellationToken);
    }

    public async Task<CommitStatusResponse> CommitStatusAsync(string txId, SigningIdentity signer, CancellationToken cancellationToken)
    {
        var request = new CommitStatusRequest { TransactionId = txId, ChannelId = channelId, Identity = ByteString.CopyFrom(signer.Serialized.Span) }.ToByteString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await Client.CommitStatusAsync(new SignedCommitStatusRequest { Request = request, Signature = ByteString.CopyFrom(signer.SignMessage(request.Span)) }, cancellationToken: timeout.Token);
    }

    public Grpc.Core.AsyncServerStreamingCall<ChaincodeEventsResponse> ChaincodeEvents(Protos.Orderer.SeekPosition start, string afterTxId, CancellationToken cancellationToken)
    {
        var request = new ChaincodeEventsRequest
        {
            ChannelId = channelId,
            ChaincodeId = TestTransactions.Chaincode,
            Identity = ByteString.CopyFrom(client.Serialized.Span),
            StartPosition = start,
            AfterTransactionId = afterTxId,
        }.ToByteString();
        return Client.ChaincodeEvents(new SignedChaincodeEventsRequest { Request = request, Signature = ByteString.CopyFrom(client.SignMessage(request.Span)) }, cancellationToken: cancellationToken);
    }
}
