using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// The payload of one Raft log entry: a channel and consecutive blocks,
/// <c>u16 name length ‖ UTF-8 name ‖ (u32 block length ‖ block bytes)*</c>.
/// </summary>
internal static class RaftEntry
{
    public static byte[] Encode(string channel, IReadOnlyList<Block> blocks)
    {
        var name = Encoding.UTF8.GetBytes(channel);
        var sizes = blocks.Select(b => b.CalculateSize()).ToArray();
        var bytes = new byte[sizeof(ushort) + name.Length + sizes.Sum(s => sizeof(int) + s)];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)name.Length);
        name.CopyTo(bytes, sizeof(ushort));
        var offset = sizeof(ushort) + name.Length;
        for (var i = 0; i < blocks.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), sizes[i]);
            blocks[i].WriteTo(bytes.AsSpan(offset + sizeof(int), sizes[i]));
            offset += sizeof(int) + sizes[i];
        }

        return bytes;
    }

    public static (string Channel, IReadOnlyList<Block> Blocks) Decode(ReadOnlySequence<byte> payload)
    {
        var bytes = payload.ToArray();
        var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        var channel = Encoding.UTF8.GetString(bytes, sizeof(ushort), length);
        var blocks = new List<Block>();
        for (var offset = sizeof(ushort) + length; offset < bytes.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            blocks.Add(Block.Parser.ParseFrom(bytes.AsSpan(offset + sizeof(int), size)));
            offset += sizeof(int) + size;
        }

        return (channel, blocks);
    }
}
