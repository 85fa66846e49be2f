using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Validation;

/// <summary>The verdict on each transaction of a block, in block order.</summary>
/// <param name="Codes">One validation code per transaction: the TRANSACTIONS_FILTER.</param>
/// <param name="TxIds">The transaction IDs (empty where the envelope did not parse).</param>
/// <param name="Reasons">Why each invalid transaction was rejected; empty for valid ones.</param>
public sealed record BlockValidationResult(IReadOnlyList<TxValidationCode> Codes, IReadOnlyList<string> TxIds, IReadOnlyList<string> Reasons)
{
    /// <summary>The number of VALID transactions.</summary>
    public int ValidCount => Codes.Count(c => c == TxValidationCode.Valid);

    /// <summary>Each transaction as the validator parsed it (null where it did not parse), so that committing does not parse it again.</summary>
    internal IReadOnlyList<ParsedTransaction?> Transactions { get; init; } = [];
}
