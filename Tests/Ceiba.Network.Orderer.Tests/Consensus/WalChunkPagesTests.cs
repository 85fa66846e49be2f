using System.IO.MemoryMappedFiles;
using Ceiba.Network.Orderer.Consensus;

namespace Ceiba.Network.Orderer.Tests.Consensus;

/// <summary>The release of sealed WAL chunk pages, on real memory-mapped files laid out as DotNext's WAL lays out its chunks.</summary>
public sealed class SealedChunkPagesTests : IDisposable
{
    private const int ChunkBytes = 1024 * 1024;
    private readonly string _wal = Path.Combine(Path.GetTempPath(), $"ceiba-wal-{Guid.NewGuid():N}");

    [Fact]
    public void Sealed_chunks_leave_the_resident_set_with_their_data_intact_and_the_newest_stays()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_wal, "data"));
        using var sealedChunk = Chunk("7", fill: 0x5A);
        using var newestChunk = Chunk("8", fill: 0xA5);
        var sealedBefore = ResidentKiB("7");

        // Act
        var advised = new SealedChunkPages(_wal).Release();
        var sealedAfter = ResidentKiB("7");
        var newestAfter = ResidentKiB("8");

        // Assert
        Assert.Equal(ChunkBytes, advised);
        Assert.Equal(ChunkBytes / 1024, sealedBefore);
        Assert.Equal(0, sealedAfter);
        Assert.Equal(ChunkBytes / 1024, newestAfter);
        Assert.All(ReadAll(sealedChunk.View), b => Assert.Equal(0x5A, b));
        Assert.All(ReadAll(newestChunk.View), b => Assert.Equal(0xA5, b));
    }

    [Fact]
    public void A_single_chunk_is_the_newest_and_is_left_alone()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_wal, "data"));
        using var only = Chunk("0", fill: 1);

        // Act
        var advised = new SealedChunkPages(_wal).Release();

        // Assert
        Assert.Equal(0, advised);
        Assert.Equal(ChunkBytes / 1024, ResidentKiB("0"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_wal))
        {
            Directory.Delete(_wal, recursive: true);
        }
    }

    private MappedChunk Chunk(string name, byte fill)
    {
        var file = MemoryMappedFile.CreateFromFile(Path.Combine(_wal, "data", name), FileMode.CreateNew, null, ChunkBytes, MemoryMappedFileAccess.ReadWrite);
        var view = file.CreateViewAccessor(0, ChunkBytes, MemoryMappedFileAccess.ReadWrite);
        for (var offset = 0; offset < ChunkBytes; offset++)
        {
            view.Write(offset, fill);
        }

        return new MappedChunk(file, view);
    }

    private static byte[] ReadAll(MemoryMappedViewAccessor view)
    {
        var bytes = new byte[ChunkBytes];
        view.ReadArray(0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>The resident KiB of this process's mapping of chunk <paramref name="name"/>, from /proc/self/smaps.</summary>
    private long ResidentKiB(string name)
    {
        var path = Path.Combine(Path.GetFullPath(_wal), "data", name);
        var inMapping = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            // A mapping's header line ends with its path; its attribute lines ("Rss:  1024 kB") follow it.
            if (line.EndsWith(path, StringComparison.Ordinal))
            {
                inMapping = true;
            }
            else if (inMapping && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{path} is not mapped");
    }

    private sealed record MappedChunk(MemoryMappedFile File, MemoryMappedViewAccessor View) : IDisposable
    {
        public void Dispose()
        {
            View.Dispose();
            File.Dispose();
        }
    }
}
