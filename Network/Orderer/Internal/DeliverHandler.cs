using Ceiba.Network.Ledger;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// Serves one Deliver seek request: checks the signed DELIVER_SEEK_INFO envelope (well formed,
/// known channel, timestamp within 15 minutes, creator satisfies /Channel/Readers), streams the
/// blocks from start to stop (waiting for new ones, or failing when not ready), and returns the final status.
/// </summary>
internal sealed class DeliverHandler(IReadOnlyDictionary<string, OrdererChannel> channels, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan TimeWindow = TimeSpan.FromMinutes(15);

    public async Task<Status> DeliverAsync(Envelope envelope, IServerStreamWriter<DeliverResponse> responses, CancellationToken cancellationToken)
    {
        if (!EnvelopeReader.TryRead(envelope, out var payload, out var channelHeader, out var signatureHeader, out var error))
        {
            return Refuse(string.Empty, Status.BadRequest, error);
        }

        if ((HeaderType)channelHeader.Type != HeaderType.DeliverSeekInfo)
        {
            return Refuse(channelHeader.ChannelId, Status.BadRequest, $"header type {(HeaderType)channelHeader.Type} is not DELIVER_SEEK_INFO");
        }

        if (!channels.TryGetValue(channelHeader.ChannelId, out var channel))
        {
            return Refuse(channelHeader.ChannelId, Status.NotFound, $"channel '{channelHeader.ChannelId}' does not exist");
        }

        var sent = channelHeader.Timestamp?.ToDateTimeOffset();
        if (sent is null || (clock.GetUtcNow() - sent.Value).Duration() > TimeWindow)
        {
            return Refuse(channel.Name, Status.BadRequest, $"the timestamp {sent?.ToString("O") ?? "(none)"} is more than 15 minutes from the server's clock");
        }

        var access = channel.Policies.Evaluate(PolicyPaths.ChannelReaders, [new SignedData(envelope.Payload.Memory, signatureHeader.Creator.Memory, envelope.Signature.Memory)]);
        if (!access.IsSatisfied)
        {
            return Refuse(channel.Name, Status.Forbidden, access.Reason);
        }

        SeekInfo seek;
        try
        {
            seek = SeekInfo.Parser.ParseFrom(payload.Data.Span);
        }
        catch (InvalidProtocolBufferException parseError)
        {
            return Refuse(channel.Name, Status.BadRequest, $"the payload data is not a SeekInfo: {parseError.Message}");
        }

        var height = channel.Store.Height;
        if (Resolve(seek.Start, height) is not { } start || Resolve(seek.Stop, height) is not { } stop)
        {
            return Refuse(channel.Name, Status.BadRequest, "the seek start or stop position is missing");
        }

        if (start > stop)
        {
            return Refuse(channel.Name, Status.BadRequest, $"the start {start} is after the stop {stop}");
        }

        return await StreamAsync(channel.Store, start, stop, seek, responses, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Status> StreamAsync(BlockStore store, ulong start, ulong stop, SeekInfo seek, IServerStreamWriter<DeliverResponse> responses, CancellationToken cancellationToken)
    {
        for (var number = start; ; number++)
        {
            if (number >= store.Height)
            {
                if (seek.Behavior == SeekInfo.Types.SeekBehavior.FailIfNotReady)
                {
                    return Status.NotFound;
                }

                await store.WaitForBlockAsync(number, cancellationToken).ConfigureAwait(false);
            }

            using (var leased = store.LeaseBlock(number))
            {
                var block = leased.Block;
                if (seek.ContentType == SeekInfo.Types.SeekContentType.HeaderWithSig)
                {
                    block.Data = new BlockData();
                }

                // The response is serialized into the transport before WriteAsync returns, so the lease may end here.
                await responses.WriteAsync(new DeliverResponse { Block = block }, cancellationToken).ConfigureAwait(false);
            }

            if (number == stop)
            {
                return Status.Success;
            }
        }
    }

    private static ulong? Resolve(SeekPosition? position, ulong height) => position?.TypeCase switch
    {
        SeekPosition.TypeOneofCase.Oldest => 0,
        SeekPosition.TypeOneofCase.Newest => height - 1,
        SeekPosition.TypeOneofCase.Specified => position.Specified.Number,
        SeekPosition.TypeOneofCase.NextCommit => height,
        _ => null,
    };

    private Status Refuse(string channel, Status status, string reason)
    {
        Log.DeliverRefused(logger, channel, (int)status, reason);
        return status;
    }
}
