using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using DeliverBase = Ceiba.Network.Protos.Peer.Deliver.DeliverBase;
using DeliverResponse = Ceiba.Network.Protos.Peer.DeliverResponse;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>A test double of a peer's Deliver service: checks the signed seek envelope, then streams stored blocks.</summary>
internal sealed class FakeDeliverService(FakeGatewayState state) : DeliverBase
{
    public override Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        ServeAsync(requestStream, responseStream, context, filtered: false);

    public override Task DeliverFiltered(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        ServeAsync(requestStream, responseStream, context, filtered: true);

    private async Task ServeAsync(IAsyncStreamReader<Envelope> requests, IServerStreamWriter<DeliverResponse> responses, ServerCallContext context, bool filtered)
    {
        if (!await requests.MoveNext(context.CancellationToken))
        {
            return;
        }

        var envelope = requests.Current;
        state.SeekRequests.Enqueue(envelope);
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
        var creator = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader).Creator;
        var refusal = channelHeader.Type != (int)HeaderType.DeliverSeekInfo ? Ceiba.Network.Protos.Common.Status.BadRequest
            : !SignatureChecks.Verify(creator, envelope.Payload.Span, envelope.Signature.Span) ? Ceiba.Network.Protos.Common.Status.Forbidden
            : state.DeliverStatus;
        if (refusal is { } status)
        {
            await responses.WriteAsync(new DeliverResponse { Status = status }, context.CancellationToken);
            return;
        }

        var seek = SeekInfo.Parser.ParseFrom(payload.Data);
        var start = seek.Start.TypeCase == SeekPosition.TypeOneofCase.Specified ? seek.Start.Specified.Number : state.BlockNumber;
        foreach (var number in state.Blocks.Keys.Where(n => n >= start).Order())
        {
            var block = state.Blocks[number];
            var response = filtered ? new DeliverResponse { FilteredBlock = Filter(channelHeader.ChannelId, block) } : new DeliverResponse { Block = block };
            await responses.WriteAsync(response, context.CancellationToken);
        }

        // A peer keeps the stream open for blocks still to come.
        await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static FilteredBlock Filter(string channel, Block block)
    {
        var filtered = new FilteredBlock { ChannelId = channel, Number = block.Header.Number };
        foreach (var data in block.Data.Data)
        {
            var header = ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(data).Payload).Header.ChannelHeader);
            filtered.FilteredTransactions.Add(new FilteredTransaction
            {
                Txid = header.TxId,
                Type = (HeaderType)header.Type,
                TxValidationCode = TxValidationCode.Valid,
            });
        }

        return filtered;
    }
}
