using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>Minimal committed blocks for the fake Deliver service: one endorser transaction envelope per transaction ID.</summary>
internal static class FakeBlocks
{
    public static Block Create(ulong number, params string[] transactionIds)
    {
        var block = new Block { Header = new BlockHeader { Number = number }, Data = new BlockData(), Metadata = new BlockMetadata() };
        foreach (var txId in transactionIds)
        {
            var channelHeader = new ChannelHeader { Type = (int)HeaderType.EndorserTransaction, ChannelId = GatewayFixture.Channel, TxId = txId };
            var payload = new Payload { Header = new Header { ChannelHeader = channelHeader.ToByteString() } };
            block.Data.Data.Add(new Envelope { Payload = payload.ToByteString() }.ToByteString());
        }

        return block;
    }
}
