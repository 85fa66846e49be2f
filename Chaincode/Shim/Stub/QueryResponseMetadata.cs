namespace Ceiba.Chaincode.Shim;

/// <summary>What the peer reports after a paginated query (Fabric's <c>QueryResponseMetadata</c>).</summary>
/// <param name="FetchedRecordsCount">How many records the page holds.</param>
/// <param name="Bookmark">Pass this to the next call to continue after the last record; empty when the peer gave none.</param>
public sealed record QueryResponseMetadata(int FetchedRecordsCount, string Bookmark);
