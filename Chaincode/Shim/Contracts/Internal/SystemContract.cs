namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>The contract every contract chaincode carries, as in the Java and Node contract APIs.</summary>
internal static class SystemContract
{
    /// <summary>The system contract's name.</summary>
    public const string Name = "org.hyperledger.fabric";

    /// <summary>The transaction returning the contract metadata JSON.</summary>
    public const string GetMetadata = "GetMetadata";
}
