using System.Globalization;
using System.Runtime.InteropServices;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// Takes the pages of DotNext's WAL chunk files out of this process's resident set (Linux only). DotNext keeps
/// every chunk file of the log memory-mapped, and every page it wrote stays resident in the process, 20-40 MB under
/// load, although after the write only a follower that lags (or a restart) reads those entries again.
/// <c>madvise(MADV_DONTNEED)</c> on a shared file mapping drops the process's page-table entries only: the data stays
/// in the kernel's page cache (dirty pages keep being written back), and a later read faults the page back in from
/// there, so what is left is what a WAL written with <c>write()</c> (etcd's, Fabric's) leaves: reclaimable page
/// cache, not process memory. The newest chunk, the one being appended to, is released as well (up to a whole chunk,
/// 8 MiB, resident otherwise): its next write faults one page back in from the page cache, and a store racing with the
/// release is not lost, because the kernel moves a page's dirty bit to the page cache when it drops the mapping.
/// </summary>
/// <param name="walDirectory">The WAL's location (<c>raft</c>); DotNext keeps the data chunks in its <c>data</c> folder.</param>
internal sealed partial class WalChunkPages(string walDirectory)
{
    private const int MadviseDontNeed = 4;
    private readonly string _chunkPrefix = Path.Combine(Path.GetFullPath(walDirectory), "data") + Path.DirectorySeparatorChar;

    /// <summary>Releases the resident pages of every mapped chunk; returns the bytes of mappings advised.</summary>
    public long Release()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var chunks = new List<(nint Start, nint End)>();
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            // "start-end perms offset dev inode path": the path is the first '/' on the line.
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !line.AsSpan(slash).StartsWith(_chunkPrefix, StringComparison.Ordinal)
                || !uint.TryParse(line.AsSpan(slash + _chunkPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            var range = line.AsSpan(0, line.IndexOf(' ', StringComparison.Ordinal));
            var dash = range.IndexOf('-');
            chunks.Add((
                (nint)long.Parse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                (nint)long.Parse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }

        long advised = 0;
        foreach (var (start, end) in chunks)
        {
            if (Madvise(start, (nuint)(end - start), MadviseDontNeed) == 0)
            {
                advised += end - start;
            }
        }

        return advised;
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
