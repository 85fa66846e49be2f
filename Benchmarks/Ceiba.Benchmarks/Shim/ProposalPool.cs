using Ceiba.Testing.Chaincode;

namespace Ceiba.Benchmarks.Shim;

/// <summary>
/// Signed proposals made before timing starts, so that measurements leave out the client's ECDSA signing.
/// Used round-robin: a proposal comes back only after <see cref="Size"/> later ones, far more than are ever in flight.
/// </summary>
public sealed class ProposalPool(TestIdentity identity, int size, Func<int, string[]> args)
{
    private readonly TestProposal[] _proposals = [.. Enumerable.Range(0, size).Select(i => TestProposal.Create(identity, "ehr", "ehr", args(i)))];
    private long _next = -1;

    /// <summary>How many distinct proposals (and transaction ids) the pool holds.</summary>
    public int Size => _proposals.Length;

    /// <summary>The next proposal, thread-safe.</summary>
    public TestProposal Next() => _proposals[(int)(Interlocked.Increment(ref _next) % _proposals.Length)];
}
