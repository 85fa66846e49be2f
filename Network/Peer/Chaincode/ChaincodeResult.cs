using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Chaincode;

/// <summary>What one chaincode execution produced.</summary>
/// <param name="Response">The chaincode's response: status, message, payload.</param>
/// <param name="Event">The chaincode event it set, or null.</param>
/// <param name="ReadWriteSet">The simulated read-write set.</param>
public sealed record ChaincodeResult(Response Response, ChaincodeEvent? Event, TxReadWriteSet ReadWriteSet);
