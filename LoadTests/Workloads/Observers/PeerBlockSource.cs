using Ceiba.Network.Protos.Peer;

namespace Ceiba.LoadTests.Workloads.Observers;

/// <summary>One peer's stream of filtered blocks (transaction ids and validation codes), starting at a given block.</summary>
/// <param name="Name">The peer's host name, for messages.</param>
/// <param name="Open">Opens the stream from a start block.</param>
internal sealed record PeerBlockSource(string Name, Func<ulong, CancellationToken, IAsyncEnumerable<FilteredBlock>> Open);
