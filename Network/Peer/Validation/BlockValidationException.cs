namespace Ceiba.Network.Peer.Validation;

/// <summary>A block as a whole is not acceptable (bad data hash, chain link or orderer signature); none of it is committed.</summary>
/// <param name="message">What is wrong, naming the block.</param>
public sealed class BlockValidationException(string message) : Exception(message);
