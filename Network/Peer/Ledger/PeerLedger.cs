using System.Buffers.Binary;
using System.Text;
using Ceiba.Network.Ledger;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Ledger.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.QueryResult;

namespace Ceiba.Network.Peer.Ledger;

/// <summary>
/// A peer's ledger of one channel: the block store (append-only files) and, in RocksDB, the world
/// state, key history, tx-id index and a state checkpoint hash per block. A block is appended to the
/// block store before its state is written, and opening the ledger replays blocks whose state is
/// missing, so state is never ahead of blocks and nothing committed is lost. One committer, any
/// number of readers.
/// </summary>
public sealed class PeerLedger : IDisposable
{
    private readonly Lock _commitLock = new();
    private readonly BlockStore _blocks;
    private readonly StateDatabase _state;
    private ulong _stateHeight;
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerLedger(BlockStore blocks, StateDatabase state)
    {
        _blocks = blocks;
        _state = state;
        _stateHeight = ReadSavepoint(state) is { } last ? last + 1 : 0;
    }

    /// <summary>Raised after a block's state is committed, with the block number.</summary>
    public event Action<ulong>? BlockCommitted;

    /// <summary>The block store; read blocks from it, never append to it directly.</summary>
    public BlockStore Blocks => _blocks;

    /// <summary>The number of blocks whose state is committed: the next block's number.</summary>
    public ulong Height => Volatile.Read(ref _stateHeight);

    /// <summary>Opens (or creates) the ledger under <paramref name="directory"/> and replays blocks whose state is missing.</summary>
    /// <exception cref="LedgerException">The storage cannot be opened or is inconsistent.</exception>
    public static PeerLedger Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var blocks = BlockStore.Open(Path.Combine(directory, "blocks"));
        StateDatabase state;
        try
        {
            state = StateDatabase.Open(Path.Combine(directory, "state"));
        }
        catch
        {
            blocks.Dispose();
            throw;
        }

        var ledger = new PeerLedger(blocks, state);
        ledger.Recover();
        return ledger;
    }

    /// <summary>
    /// Commits a validated block whose TRANSACTIONS_FILTER is filled in: appends it to the block store,
    /// then writes the state of its valid transactions in one synced batch.
    /// </summary>
    /// <returns>The block's state checkpoint hash.</returns>
    /// <exception cref="LedgerException">The block does not extend the chain.</exception>
    public byte[] Commit(Block block) => Commit(block, parsed: null);

    /// <summary>As <see cref="Commit(Block)"/>, with the block's transactions already parsed (in block order, null where one did not parse).</summary>
    internal byte[] Commit(Block block, IReadOnlyList<ParsedTransaction?>? parsed)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (parsed is not null && parsed.Count != block.Data.Data.Count)
        {
            throw new ArgumentException($"{parsed.Count} parsed transactions for a block of {block.Data.Data.Count}", nameof(parsed));
        }

        byte[] checkpoint;
        lock (_commitLock)
        {
            try
            {
                _blocks.Append(block);
            }
            catch (BlockStoreException error)
            {
                throw new LedgerException(error.Message, error);
            }

            checkpoint = ApplyState(block, parsed);
        }

        Interlocked.Exchange(ref _committed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        BlockCommitted?.Invoke(block.Header.Number);
        return checkpoint;
    }

    /// <summary>Completes once the state of block <paramref name="number"/> is committed.</summary>
    public async Task WaitForBlockAsync(ulong number, CancellationToken cancellationToken)
    {
        while (true)
        {
            var committed = Volatile.Read(ref _committed).Task;
            if (Height > number)
            {
                return;
            }

            await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The committed value of <paramref name="key"/> in <paramref name="ns"/>, or null.</summary>
    public VersionedValue? GetState(string ns, string key) =>
        _state.Get(_state.State, LedgerKeys.State(ns, key)) is { } stored ? LedgerKeys.DecodeValue(stored) : null;

    /// <summary>
    /// The key-level endorsement policy (the VALIDATION_PARAMETER metadata, a serialized SignaturePolicyEnvelope) of
    /// <paramref name="key"/> in <paramref name="ns"/>, or null when the key has none.
    /// </summary>
    public byte[]? GetValidationParameter(string ns, string key) =>
        _state.Get(_state.Meta, LedgerKeys.ValidationParameter(ns, key));

    /// <summary>The committed keys of <paramref name="ns"/> in [<paramref name="startKey"/>, <paramref name="endKey"/>), in key order; an empty end key means no upper bound.</summary>
    public IEnumerable<StateEntry> GetStateRange(string ns, string startKey, string endKey)
    {
        var prefix = LedgerKeys.State(ns, string.Empty);
        var nsLength = prefix.Length - 1;
        var end = endKey.Length == 0 ? null : LedgerKeys.State(ns, endKey);
        foreach (var (key, value) in _state.Scan(_state.State, prefix, LedgerKeys.State(ns, startKey), end))
        {
            yield return new StateEntry(LedgerKeys.KeyOfState(key, nsLength), LedgerKeys.DecodeValue(value));
        }
    }

    /// <summary>Every committed modification of <paramref name="key"/>, oldest first.</summary>
    public IEnumerable<KeyModification> GetHistory(string ns, string key)
    {
        var prefix = LedgerKeys.HistoryPrefix(ns, key);
        foreach (var (stored, value) in _state.Scan(_state.History, prefix, prefix, null))
        {
            if (stored.Length == prefix.Length + LedgerKeys.VersionSize)
            {
                yield return KeyModification.Parser.ParseFrom(value);
            }
        }
    }

    /// <summary>Where <paramref name="txId"/> was committed, or null when it is not in the ledger.</summary>
    public TransactionRecord? FindTransaction(string txId) =>
        _state.Get(_state.TxIds, Encoding.UTF8.GetBytes(txId)) is { } stored ? LedgerKeys.DecodeTransaction(stored) : null;

    /// <summary>The state checkpoint hash after block <paramref name="number"/>, or null when its state is not committed.</summary>
    public byte[]? GetCheckpointHash(ulong number) => _state.Get(_state.Meta, LedgerKeys.Checkpoint(number));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_commitLock)
        {
            _state.Dispose();
            _blocks.Dispose();
        }
    }

    private void Recover()
    {
        lock (_commitLock)
        {
            if (_stateHeight > _blocks.Height)
            {
                throw new LedgerException($"the state is at height {_stateHeight} but the block store only at {_blocks.Height}");
            }

            while (_stateHeight < _blocks.Height)
            {
                ApplyState(_blocks.GetBlock(_stateHeight), parsed: null);
            }
        }
    }

    private byte[] ApplyState(Block block, IReadOnlyList<ParsedTransaction?>? parsed)
    {
        var number = block.Header.Number;
        var previous = number == 0 ? [] : GetCheckpointHash(number - 1) ?? [];
        var (batch, checkpoint) = BlockApplier.Prepare(_state, block, previous, parsed);
        using (batch)
        {
            _state.Write(batch);
        }

        Volatile.Write(ref _stateHeight, number + 1);
        return checkpoint;
    }

    private static ulong? ReadSavepoint(StateDatabase state) =>
        state.Get(state.Meta, LedgerKeys.SavepointKey) is { Length: sizeof(ulong) } bytes ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : null;
}
