namespace Ceiba.Gateway.Client;

/// <summary>An event a chaincode emitted from a transaction that committed as valid.</summary>
/// <param name="BlockNumber">The block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
/// <param name="ChaincodeName">The chaincode that emitted the event.</param>
/// <param name="EventName">The event name the chaincode chose.</param>
/// <param name="Payload">The event payload.</param>
public sealed record ChaincodeEvent(ulong BlockNumber, string TransactionId, string ChaincodeName, string EventName, byte[] Payload);
