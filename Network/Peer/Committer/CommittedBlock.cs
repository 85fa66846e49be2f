using Ceiba.Network.Peer.Validation;

namespace Ceiba.Network.Peer.Committer;

/// <summary>A block committed to the ledger.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Validation">The verdict on each transaction, as written to TRANSACTIONS_FILTER.</param>
/// <param name="CheckpointHash">The state checkpoint hash after the block.</param>
public sealed record CommittedBlock(ulong Number, BlockValidationResult Validation, byte[] CheckpointHash);
