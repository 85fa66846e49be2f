namespace Ceiba.Network.Peer.Chaincode;

/// <summary>A chaincode could not be reached, did not answer in time, or broke the protocol.</summary>
/// <param name="message">What failed, naming the chaincode.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class ChaincodeExecutionException(string message, Exception? inner = null) : Exception(message, inner);
