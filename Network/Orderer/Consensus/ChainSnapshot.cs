using System.Buffers.Binary;
using System.Text;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// The Raft snapshot of the orderer's state machine. Every committed block is already in the channel's
/// block store, so the snapshot only names each channel's height and tip hash; a node that installs it
/// pulls the blocks it lacks from another orderer and checks that its tip then has this hash.
/// Encoding: <c>u16 count ‖ (u16 name length ‖ UTF-8 name ‖ u64 height ‖ u16 hash length ‖ hash)*</c>.
/// </summary>
internal sealed record ChainSnapshot(IReadOnlyList<ChainSnapshot.Tip> Channels)
{
    /// <summary>One channel's height and the header hash of its last block.</summary>
    public sealed record Tip(string Channel, ulong Height, byte[] Hash);

    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        Span<byte> scratch = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)Channels.Count);
        buffer.Write(scratch[..sizeof(ushort)]);
        foreach (var tip in Channels)
        {
            var name = Encoding.UTF8.GetBytes(tip.Channel);
            BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)name.Length);
            buffer.Write(scratch[..sizeof(ushort)]);
            buffer.Write(name);
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, tip.Height);
            buffer.Write(scratch);
            BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)tip.Hash.Length);
            buffer.Write(scratch[..sizeof(ushort)]);
            buffer.Write(tip.Hash);
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a snapshot.</exception>
    public static ChainSnapshot Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            var offset = sizeof(ushort);
            var tips = new List<Tip>(count);
            for (var i = 0; i < count; i++)
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
                offset += sizeof(ushort);
                var name = Encoding.UTF8.GetString(bytes.Slice(offset, nameLength));
                offset += nameLength;
                var height = BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);
                offset += sizeof(ulong);
                var hashLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
                offset += sizeof(ushort);
                tips.Add(new Tip(name, height, bytes.Slice(offset, hashLength).ToArray()));
                offset += hashLength;
            }

            return offset == bytes.Length
                ? new ChainSnapshot(tips)
                : throw new InvalidDataException($"the snapshot has {bytes.Length - offset} bytes after its {count} channels");
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"the snapshot of {bytes.Length} bytes is truncated");
        }
    }
}
