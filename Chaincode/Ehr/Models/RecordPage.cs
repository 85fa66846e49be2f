namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>One page of a listing, in key order.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Records">The records of this page.</param>
/// <param name="FetchedRecordsCount">How many records the page holds.</param>
/// <param name="Bookmark">Pass it to the next call for the next page; empty when there are no more.</param>
public sealed record RecordPage<T>(IReadOnlyList<T> Records, int FetchedRecordsCount, string Bookmark);
