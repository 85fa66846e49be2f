using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>
/// Serves one seek request of the peer's Deliver service from committed blocks: checks the signed
/// DELIVER_SEEK_INFO envelope (known channel, timestamp within 15 minutes, creator satisfies the
/// channel's Readers), then streams full or filtered blocks from start to stop.
/// </summary>
internal sealed class DeliverRequestHandler(Func<string, PeerChannel?> channels, ILogger logger)
{
    private static readonly TimeSpan TimeWindow = TimeSpan.FromMinutes(15);

    public async Task<Status> HandleAsync(Envelope envelope, bool filtered, IServerStreamWriter<Protos.Peer.DeliverResponse> responses, CancellationToken cancellationToken)
    {
        Payload payload;
        ChannelHeader header;
        SignatureHeader signatureHeader;
        SeekInfo seek;
        try
        {
            payload = Payload.Parser.ParseFrom(envelope.Payload.Span);
            header = ChannelHeader.Parser.ParseFrom(payload.Header?.ChannelHeader ?? ByteString.Empty);
            signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header?.SignatureHeader ?? ByteString.Empty);
            seek = SeekInfo.Parser.ParseFrom(payload.Data.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            return Refuse(string.Empty, Status.BadRequest, $"malformed seek envelope: {error.Message}");
        }

        if (channels(header.ChannelId) is not { } channel)
        {
            return Refuse(header.ChannelId, Status.NotFound, $"channel '{header.ChannelId}' not found");
        }

        if (header.Timestamp is null || (DateTimeOffset.UtcNow - header.Timestamp.ToDateTimeOffset()).Duration() > TimeWindow)
        {
            return Refuse(channel.ChannelId, Status.BadRequest, "the timestamp is more than 15 minutes from the peer's clock");
        }

        var access = channel.Policies.Evaluate(PolicyPaths.ApplicationReaders, [new SignedData(envelope.Payload.Memory, signatureHeader.Creator.Memory, envelope.Signature.Memory)]);
        if (!access.IsSatisfied)
        {
            return Refuse(channel.ChannelId, Status.Forbidden, access.Reason);
        }

        var height = channel.Ledger.Height;
        if (Resolve(seek.Start, height) is not { } start || Resolve(seek.Stop, height) is not { } stop || start > stop)
        {
            return Refuse(channel.ChannelId, Status.BadRequest, "the seek start or stop is missing, or the start is after the stop");
        }

        for (var number = start; ; number++)
        {
            if (number >= channel.Ledger.Height)
            {
                if (seek.Behavior == SeekInfo.Types.SeekBehavior.FailIfNotReady)
                {
                    return Status.NotFound;
                }

                await channel.Ledger.WaitForBlockAsync(number, cancellationToken).ConfigureAwait(false);
            }

            if (filtered && channel.Committer.RecentFiltered.Find(number) is { } recent)
            {
                await responses.WriteAsync(new Protos.Peer.DeliverResponse { FilteredBlock = recent }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var leased = channel.Ledger.Blocks.LeaseBlock(number);
                var response = filtered
                    ? new Protos.Peer.DeliverResponse { FilteredBlock = FilteredBlocks.From(channel.ChannelId, leased.Block) }
                    : new Protos.Peer.DeliverResponse { Block = leased.Block };

                // The response is serialized into the transport before WriteAsync returns, so the lease may end here.
                await responses.WriteAsync(response, cancellationToken).ConfigureAwait(false);
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
