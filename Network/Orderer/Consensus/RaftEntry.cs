using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>The payload of one Raft log entry: a channel name and a block, <c>u16 name length ‖ UTF-8 name ‖ block bytes</c>.</summary>
internal static class RaftEntry
{
    public static byte[] Encode(string channel, Block block)
    {
        var name = Encoding.UTF8.GetBytes(channel);
        var bytes = new byte[sizeof(ushort) + name.Length + block.CalculateSize()];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)name.Length);
        name.CopyTo(bytes, sizeof(ushort));
        block.WriteTo(bytes.AsSpan(sizeof(ushort) + name.Length));
        return bytes;
    }

    public static (string Channel, Block Block) Decode(ReadOnlySequence<byte> payload)
    {
        var bytes = payload.ToArray();
        var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        var channel = Encoding.UTF8.GetString(bytes, sizeof(ushort), length);
        return (channel, Block.Parser.ParseFrom(bytes.AsSpan(sizeof(ushort) + length)));
    }
}
