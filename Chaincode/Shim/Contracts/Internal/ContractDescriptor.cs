using System.Collections.Frozen;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>One registered contract and its transaction functions, looked up by name on every transaction.</summary>
/// <param name="Name">The contract name clients use in <c>Name:Function</c>.</param>
/// <param name="Instance">The contract instance.</param>
/// <param name="Attribute">The contract's attribute (info for the metadata).</param>
/// <param name="Transactions">The transaction functions in declaration order.</param>
internal sealed record ContractDescriptor(
    string Name, ContractBase Instance, ContractAttribute Attribute, IReadOnlyList<TransactionDescriptor> Transactions)
{
    /// <summary>The transaction functions by name (ordinal, case-sensitive as in Fabric's contract APIs).</summary>
    public FrozenDictionary<string, TransactionDescriptor> ByName { get; } =
        Transactions.ToFrozenDictionary(transaction => transaction.Name, StringComparer.Ordinal);

    /// <summary>Whether function names without a contract prefix reach this contract.</summary>
    public bool IsDefault { get; init; }
}
