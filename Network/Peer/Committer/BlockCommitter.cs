using Ceiba.Network.Peer.Committer.Internal;
using FilteredBlocks = Ceiba.Network.Peer.Delivery.Internal.FilteredBlocks;
using RecentFilteredBlocks = Ceiba.Network.Peer.Delivery.Internal.RecentFilteredBlocks;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.Network.Peer.Committer;

/// <summary>
/// Validates and commits the blocks of one channel: writes TRANSACTIONS_FILTER, appends the block,
/// then applies the writes of valid transactions at version (block, tx). One block at a time.
/// </summary>
/// <param name="channelId">The channel.</param>
/// <param name="ledger">The channel's ledger.</param>
/// <param name="validator">The channel's block validator.</param>
/// <param name="logger">Where commits are logged.</param>
/// <param name="metrics">Where block processing times are recorded, optional.</param>
public sealed class BlockCommitter(string channelId, PeerLedger ledger, BlockValidator validator, ILogger<BlockCommitter>? logger = null, PeerMetrics? metrics = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<BlockCommitter>.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The channel's ledger.</summary>
    public PeerLedger Ledger => ledger;

    /// <summary>The DeliverFiltered form of the last blocks committed here.</summary>
    internal RecentFilteredBlocks RecentFiltered { get; } = new();

    /// <summary>Commits the channel's genesis block as the first block, if the ledger is empty. The genesis block is trusted configuration.</summary>
    /// <returns>True when the block was committed now; false when the ledger already has blocks.</returns>
    public bool Join(Block genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        _gate.Wait();
        try
        {
            if (ledger.Height > 0)
            {
                return false;
            }

            TransactionsFilter.Write(genesis, [.. genesis.Data.Data.Select(_ => TxValidationCode.Valid)]);
            ledger.Commit(genesis);
            Log.Joined(_logger, channelId);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates and commits <paramref name="block"/>, the ledger's next block.</summary>
    /// <exception cref="BlockValidationException">The block as a whole is not acceptable; nothing was committed.</exception>
    /// <exception cref="LedgerException">The block could not be stored.</exception>
    public CommittedBlock Commit(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _gate.Wait();
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var validation = validator.Validate(block);
            TransactionsFilter.Write(block, validation.Codes);
            var number = block.Header.Number;

            // Before the commit wakes the streams waiting for this block; a stream asks for it only once it is committed.
            RecentFiltered.Add(FilteredBlocks.From(channelId, number, validation.Transactions, validation.Codes));
            var checkpoint = ledger.Commit(block, validation.Transactions);
            for (var i = 0; i < validation.Codes.Count; i++)
            {
                if (validation.Codes[i] != TxValidationCode.Valid)
                {
                    Log.TransactionInvalid(_logger, number, validation.TxIds[i], validation.Codes[i].ToString(), validation.Reasons[i]);
                }
            }

            metrics?.BlockProcessed(channelId, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Log.BlockCommitted(_logger, channelId, number, validation.ValidCount, validation.Codes.Count);
            return new CommittedBlock(number, validation, checkpoint);
        }
        finally
        {
            _gate.Release();
        }
    }
}
