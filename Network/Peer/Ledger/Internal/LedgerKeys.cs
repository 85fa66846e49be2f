using System.Buffers.Binary;
using System.Text;

namespace Ceiba.Network.Peer.Ledger.Internal;

/// <summary>
/// Byte encodings of the RocksDB keys and values. State keys are <c>namespace 0x00 key</c>; history
/// keys append <c>0x00</c> and the big-endian (block, tx), so one key's history sorts by version.
/// </summary>
internal static class LedgerKeys
{
    public const byte Separator = 0x00;
    public const int VersionSize = 16;

    public static readonly byte[] SavepointKey = "savepoint"u8.ToArray();

    public static byte[] State(string ns, string key)
    {
        var nsLength = Encoding.UTF8.GetByteCount(ns);
        var result = new byte[nsLength + 1 + Encoding.UTF8.GetByteCount(key)];
        Encoding.UTF8.GetBytes(ns, result);
        result[nsLength] = Separator;
        Encoding.UTF8.GetBytes(key, result.AsSpan(nsLength + 1));
        return result;
    }

    public static string KeyOfState(ReadOnlySpan<byte> stateKey, int namespaceLength) =>
        Encoding.UTF8.GetString(stateKey[(namespaceLength + 1)..]);

    public static byte[] HistoryPrefix(string ns, string key)
    {
        var state = State(ns, key);
        var result = new byte[state.Length + 1];
        state.CopyTo(result, 0);
        result[^1] = Separator;
        return result;
    }

    public static byte[] History(string ns, string key, KeyVersion version)
    {
        var prefix = HistoryPrefix(ns, key);
        var result = new byte[prefix.Length + VersionSize];
        prefix.CopyTo(result, 0);
        WriteVersion(result.AsSpan(prefix.Length), version);
        return result;
    }

    /// <summary>The meta-family key of a state key's VALIDATION_PARAMETER: <c>'v'</c> then the state key.</summary>
    public static byte[] ValidationParameter(string ns, string key)
    {
        var state = State(ns, key);
        var result = new byte[1 + state.Length];
        result[0] = (byte)'v';
        state.CopyTo(result, 1);
        return result;
    }

    public static byte[] Checkpoint(ulong blockNumber)
    {
        var result = new byte[1 + sizeof(ulong)];
        result[0] = (byte)'c';
        BinaryPrimitives.WriteUInt64BigEndian(result.AsSpan(1), blockNumber);
        return result;
    }

    /// <summary>A state value: 16 bytes of version, then the value bytes.</summary>
    public static byte[] EncodeValue(KeyVersion version, ReadOnlySpan<byte> value)
    {
        var result = new byte[VersionSize + value.Length];
        WriteVersion(result, version);
        value.CopyTo(result.AsSpan(VersionSize));
        return result;
    }

    public static VersionedValue DecodeValue(ReadOnlySpan<byte> stored) =>
        new(stored[VersionSize..].ToArray(), ReadVersion(stored));

    public static void WriteVersion(Span<byte> destination, KeyVersion version)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, version.BlockNumber);
        BinaryPrimitives.WriteUInt64BigEndian(destination[sizeof(ulong)..], version.TxNumber);
    }

    public static KeyVersion ReadVersion(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[sizeof(ulong)..]));

    /// <summary>A transaction index value: block, tx, validation code.</summary>
    public static byte[] EncodeTransaction(TransactionRecord record)
    {
        var result = new byte[VersionSize + 1];
        WriteVersion(result, new KeyVersion(record.BlockNumber, record.TxNumber));
        result[VersionSize] = (byte)record.ValidationCode;
        return result;
    }

    public static TransactionRecord DecodeTransaction(ReadOnlySpan<byte> stored)
    {
        var version = ReadVersion(stored);
        return new TransactionRecord(version.BlockNumber, version.TxNumber, (Protos.Peer.TxValidationCode)stored[VersionSize]);
    }
}
