using System.Buffers;
using Ceiba.Network.Ledger;
using DotNext.Buffers;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// The buffers Raft entries pass through (the leader's encoded entry, DotNext's copy of an entry received from the
/// leader, its transport buffers): a small pool of their own instead of <see cref="ArrayPool{T}.Shared"/>. Entries are
/// 0.5–1.5 MiB, so the shared pool rounds them up to 2 MiB arrays and keeps one per thread that ever returned one plus
/// several per core: 9–11 arrays, 18–22 MiB of large-object heap per orderer under load. Here at most
/// <see cref="KeptArrays"/> arrays are kept, each sized to its entry (<see cref="BlockSizedArrayPool"/>): the leader
/// encodes one entry at a time and a follower receives one at a time.
/// </summary>
internal static class RaftBuffers
{
    /// <summary>How many large arrays the pool keeps; a rental beyond them is a fresh array, dropped when returned.</summary>
    public const int KeptArrays = 4;

    /// <summary>The largest array the pool keeps (bigger entries, up to AbsoluteMaxBytes blocks, get fresh arrays).</summary>
    public const int MaxPooledBytes = 4 * 1024 * 1024;

    /// <summary>The pool.</summary>
    public static ArrayPool<byte> Pool { get; } = new BlockSizedArrayPool(KeptArrays, MaxPooledBytes);

    /// <summary>The pool as DotNext's allocator, for the WAL and the cluster transport.</summary>
    public static MemoryAllocator<byte> Allocator { get; } = Pool.ToAllocator();
}
