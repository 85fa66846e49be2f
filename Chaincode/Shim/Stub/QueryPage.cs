namespace Ceiba.Chaincode.Shim;

/// <summary>One page of a paginated query.</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="Items">The results, in key order.</param>
/// <param name="Metadata">The fetched count and the bookmark for the next page.</param>
public sealed record QueryPage<T>(IReadOnlyList<T> Items, QueryResponseMetadata Metadata);
