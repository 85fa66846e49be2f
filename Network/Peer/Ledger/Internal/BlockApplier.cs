using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using RocksDbSharp;

namespace Ceiba.Network.Peer.Ledger.Internal;

/// <summary>
/// Turns a block whose TRANSACTIONS_FILTER is filled in into one atomic RocksDB batch: the writes of
/// valid transactions at version (block, tx), their history, every new tx id, the savepoint and the
/// block's state checkpoint hash = SHA-256(previous checkpoint ‖ block number ‖ filter ‖ applied writes).
/// </summary>
internal static class BlockApplier
{
    // parsed: the block's transactions as the validator parsed them, in block order; null to parse them here.
    public static (WriteBatch Batch, byte[] Checkpoint) Prepare(StateDatabase db, Block block, ReadOnlySpan<byte> previousCheckpoint, IReadOnlyList<ParsedTransaction?>? parsed)
    {
        var number = block.Header.Number;
        var filter = TransactionsFilter.Read(block);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousCheckpoint);
        AppendUInt64(hash, number);
        hash.AppendData(filter);

        var batch = new WriteBatch();
        var seenTxIds = new HashSet<string>(StringComparer.Ordinal);
        for (var txNumber = 0; txNumber < block.Data.Data.Count; txNumber++)
        {
            var code = (TxValidationCode)filter[txNumber];
            var transaction = parsed is null ? ParsedTransaction.Parse(block.Data.Data[txNumber]).Transaction : parsed[txNumber];
            var txId = transaction?.TxId ?? string.Empty;
            if (txId.Length > 0 && code != TxValidationCode.DuplicateTxid && seenTxIds.Add(txId) && db.Get(db.TxIds, Encoding.UTF8.GetBytes(txId)) is null)
            {
                var record = new TransactionRecord(number, (ulong)txNumber, code);
                batch.Put(Encoding.UTF8.GetBytes(txId), LedgerKeys.EncodeTransaction(record), db.TxIds);
            }

            if (code != TxValidationCode.Valid || transaction is null)
            {
                continue;
            }

            var version = new KeyVersion(number, (ulong)txNumber);
            foreach (var ns in transaction.RwSets)
            {
                foreach (var write in ns.RwSet.Writes)
                {
                    Apply(db, batch, hash, ns.Namespace, write, version, transaction);
                }

                foreach (var metadata in ns.RwSet.MetadataWrites)
                {
                    ApplyMetadata(db, batch, hash, ns.Namespace, metadata);
                }
            }
        }

        var checkpoint = hash.GetHashAndReset();
        batch.Put(LedgerKeys.Checkpoint(number), checkpoint, db.Meta);
        var savepoint = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(savepoint, number);
        batch.Put(LedgerKeys.SavepointKey, savepoint, db.Meta);
        return (batch, checkpoint);
    }

    private static void Apply(StateDatabase db, WriteBatch batch, IncrementalHash hash, string ns, Protos.Ledger.KvRwset.KVWrite write, KeyVersion version, ParsedTransaction transaction)
    {
        var stateKey = LedgerKeys.State(ns, write.Key);
        if (write.IsDelete)
        {
            batch.Delete(stateKey, db.State);
            batch.Delete(LedgerKeys.ValidationParameter(ns, write.Key), db.Meta);
        }
        else
        {
            batch.Put(stateKey, LedgerKeys.EncodeValue(version, write.Value.Span), db.State);
        }

        var modification = new KeyModification
        {
            TxId = transaction.TxId,
            Value = write.IsDelete ? ByteString.Empty : write.Value,
            Timestamp = transaction.ChannelHeader.Timestamp,
            IsDelete = write.IsDelete,
        };
        batch.Put(LedgerKeys.History(ns, write.Key, version), modification.ToByteArray(), db.History);

        AppendLengthPrefixed(hash, stateKey);
        hash.AppendData(write.IsDelete ? [1] : [0]);
        AppendLengthPrefixed(hash, write.Value.Span);
    }

    /// <summary>A metadata write replaces the key's metadata: its VALIDATION_PARAMETER is set, or removed when absent or empty.</summary>
    private static void ApplyMetadata(StateDatabase db, WriteBatch batch, IncrementalHash hash, string ns, Protos.Ledger.KvRwset.KVMetadataWrite write)
    {
        var parameter = ValidationParameters.Find(write);
        var key = LedgerKeys.ValidationParameter(ns, write.Key);
        if (parameter.IsEmpty)
        {
            batch.Delete(key, db.Meta);
        }
        else
        {
            batch.Put(key, parameter.ToByteArray(), db.Meta);
        }

        AppendLengthPrefixed(hash, key);
        hash.AppendData([2]);
        AppendLengthPrefixed(hash, parameter.Span);
    }

    private static void AppendUInt64(IncrementalHash hash, ulong value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendLengthPrefixed(IncrementalHash hash, ReadOnlySpan<byte> data)
    {
        AppendUInt64(hash, (ulong)data.Length);
        hash.AppendData(data);
    }
}
