using System.Security.Cryptography;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Builds a channel's genesis block: block 0 holding one CONFIG envelope, as configtxgen's genesis factory does.</summary>
public static class GenesisBlockFactory
{
    /// <summary>The message version configtxgen puts in the genesis channel header.</summary>
    private const int MessageVersion = 1;

    public static Block Create(string channelId, ConfigGroup channelGroup, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(channelGroup);

        var nonce = RandomNumberGenerator.GetBytes(24);
        var signatureHeader = new SignatureHeader { Nonce = ByteString.CopyFrom(nonce) };
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.Config,
            Version = MessageVersion,
            ChannelId = channelId,
            Timestamp = new Timestamp { Seconds = timestamp.ToUnixTimeSeconds() },
            // txid = hex(SHA-256(nonce || creator)); the genesis creator is empty.
            TxId = Convert.ToHexStringLower(SHA256.HashData(nonce)),
        };
        var configEnvelope = new ConfigEnvelope { Config = new Config { Sequence = 0, ChannelGroup = channelGroup } };
        var payload = new Payload
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() },
            Data = configEnvelope.ToByteString(),
        };
        var envelope = new Envelope { Payload = payload.ToByteString() };

        var block = BlockHashing.NewBlock(0, ByteString.Empty, [envelope.ToByteString()]);
        var lastConfig = new LastConfig { Index = 0 };
        block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures] =
            new Metadata { Value = new OrdererBlockMetadata { LastConfig = lastConfig }.ToByteString() }.ToByteString();
        // LAST_CONFIG is deprecated in Fabric but configtxgen still writes it into genesis blocks.
        block.Metadata.Metadata[(int)BlockMetadataIndex.LastConfig] =
            new Metadata { Value = lastConfig.ToByteString() }.ToByteString();
        return block;
    }

    /// <summary>The channel configuration held by a config block, read back.</summary>
    public static Config ReadConfig(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var envelope = Envelope.Parser.ParseFrom(block.Data.Data[0]);
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        return ConfigEnvelope.Parser.ParseFrom(payload.Data).Config;
    }
}
