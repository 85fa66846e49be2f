using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

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
    private readonly byte[] _chunkPrefix = Encoding.UTF8.GetBytes(Path.Combine(Path.GetFullPath(walDirectory), "data") + Path.DirectorySeparatorChar);

    /// <summary>Releases the resident pages of every mapped chunk; returns the bytes of mappings advised.</summary>
    /// <remarks>
    /// Runs every 2 MiB applied, and /proc/self/maps has ~1,200 lines: it is read as bytes, without a string per
    /// line (that was 1.7 MB/s of garbage on a loaded orderer).
    /// </remarks>
    public long Release()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var maps = ReadMaps(out var length);
        try
        {
            long advised = 0;
            var remaining = maps.AsSpan(0, length);
            while (!remaining.IsEmpty)
            {
                var newline = remaining.IndexOf((byte)'\n');
                var line = newline < 0 ? remaining : remaining[..newline];
                remaining = newline < 0 ? [] : remaining[(newline + 1)..];
                if (TryReadChunkRange(line, out var start, out var end) && Madvise(start, (nuint)(end - start), MadviseDontNeed) == 0)
                {
                    advised += end - start;
                }
            }

            return advised;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(maps);
        }
    }

    /// <summary>"start-end perms offset dev inode path": true when the path is a chunk of this WAL (its data folder, a numeric name).</summary>
    private bool TryReadChunkRange(ReadOnlySpan<byte> line, out nint start, out nint end)
    {
        start = end = 0;
        var slash = line.IndexOf((byte)'/');
        if (slash < 0 || !line[slash..].StartsWith(_chunkPrefix)
            || !uint.TryParse(line[(slash + _chunkPrefix.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var range = line[..line.IndexOf((byte)' ')];
        var dash = range.IndexOf((byte)'-');
        start = (nint)long.Parse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        end = (nint)long.Parse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>/proc/self/maps into a rented buffer (procfs reports no size, so it is read until the end).</summary>
    private static byte[] ReadMaps(out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        length = 0;
        using var maps = File.OpenHandle("/proc/self/maps");
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = RandomAccess.Read(maps, buffer.AsSpan(length), length);
            if (read == 0)
            {
                return buffer;
            }

            length += read;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
