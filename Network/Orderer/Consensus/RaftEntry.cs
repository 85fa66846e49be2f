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
    /// <summary>
    /// An entry's content as objects: the leader hands it to its own state machine as the entry's context,
    /// so it does not parse the blocks it has just cut (other nodes decode the bytes).
    /// </summary>
    public sealed record Decoded(string Channel, IReadOnlyList<Block> Blocks);

    /// <summary>Encodes into a buffer rented from <see cref="RaftBuffers.Pool"/>: the caller returns <paramref name="rented"/> there once the entry is replicated.</summary>
    public static ReadOnlyMemory<byte> Encode(string channel, IReadOnlyList<Block> blocks, out byte[] rented)
    {
        var name = Encoding.UTF8.GetBytes(channel);
        var sizes = blocks.Select(b => b.CalculateSize()).ToArray();
        var length = sizeof(ushort) + name.Length + sizes.Sum(s => sizeof(int) + s);
        rented = RaftBuffers.Pool.Rent(length);
        var bytes = rented.AsSpan(0, length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)name.Length);
        name.CopyTo(bytes[sizeof(ushort)..]);
        var offset = sizeof(ushort) + name.Length;
        for (var i = 0; i < blocks.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], sizes[i]);
            blocks[i].WriteTo(bytes.Slice(offset + sizeof(int), sizes[i]));
            offset += sizeof(int) + sizes[i];
        }

        return new ReadOnlyMemory<byte>(rented, 0, length);
    }

    /// <summary>Decodes an entry in place (no copy of the payload).</summary>
    public static (string Channel, IReadOnlyList<Block> Blocks) Decode(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        if (!reader.TryReadLittleEndian(out short nameLength))
        {
            throw new InvalidDataException("the Raft entry is shorter than its channel name length");
        }

        Span<byte> name = stackalloc byte[(ushort)nameLength];
        if (!reader.TryCopyTo(name))
        {
            throw new InvalidDataException("the Raft entry is shorter than its channel name");
        }

        reader.Advance(name.Length);
        var blocks = new List<Block>();
        while (!reader.End)
        {
            if (!reader.TryReadLittleEndian(out int size) || size < 0 || reader.Remaining < size)
            {
                throw new InvalidDataException($"the Raft entry is truncated after {blocks.Count} blocks");
            }

            blocks.Add(Block.Parser.ParseFrom(payload.Slice(reader.Position, size)));
            reader.Advance(size);
        }

        return (Encoding.UTF8.GetString(name), blocks);
    }
}
