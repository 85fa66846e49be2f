namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// Marks a class derived from <see cref="ContractBase"/> as a smart contract, as
/// <c>@Contract</c> does in fabric-chaincode-java.
/// </summary>
/// <remarks>
/// Clients address a transaction as <c>Name:Function</c>; the default contract also answers to
/// <c>Function</c> alone.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContractAttribute : Attribute
{
    /// <summary>The contract name clients use in <c>Name:Function</c>; the class name when not set.</summary>
    public string? Name { get; init; }

    /// <summary>Whether this contract answers function names without a contract prefix.</summary>
    /// <remarks>When no registered contract sets it, the first registered contract is the default.</remarks>
    public bool IsDefault { get; init; }

    /// <summary>The title shown in the contract metadata (<c>info.title</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The version shown in the contract metadata (<c>info.version</c>).</summary>
    public string? Version { get; init; }

    /// <summary>A longer description shown in the contract metadata (<c>info.description</c>).</summary>
    public string? Description { get; init; }
}
