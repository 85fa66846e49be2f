using System.IO.MemoryMappedFiles;
using Ceiba.Network.Orderer.Consensus;

namespace Ceiba.Network.Orderer.Tests.Consensus;

/// <summary>The release of WAL chunk pages, on real memory-mapped files laid out as DotNext's WAL lays out its chunks.</summary>
public sealed class WalChunkPagesTests : IDisposable
{
    private const int ChunkBytes = 1024 * 1024;
    private readonly string _wal = Path.Combine(Path.GetTempPath(), $"ceiba-wal-{Guid.NewGuid():N}");

    [Fact]
    public void Chunks_leave_the_resident_set_with_their_data_intact()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_wal, "data"));
        using var sealedChunk = Chunk("7", fill: 0x5A);
        using var newestChunk = Chunk("8", fill: 0xA5);
        var sealedBefore = ResidentKiB("7");
        var newestBefore = ResidentKiB("8");

        // Act
        var advised = new WalChunkPages(_wal).Release();
        var sealedAfter = ResidentKiB("7");
        var newestAfter = ResidentKiB("8");

        // Assert
        Assert.Equal(2 * ChunkBytes, advised);
        Assert.Equal(ChunkBytes / 1024, sealedBefore);
        Assert.Equal(ChunkBytes / 1024, newestBefore);
        Assert.Equal(0, sealedAfter);
        Assert.Equal(0, newestAfter);
        Assert.All(ReadAll(sealedChunk.View), b => Assert.Equal(0x5A, b));
        Assert.All(ReadAll(newestChunk.View), b => Assert.Equal(0xA5, b));
    }

    [Fact]
    public void A_chunk_still_being_written_keeps_every_write_made_before_and_after_the_release()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_wal, "data"));
        using var newest = Chunk("3", fill: 0x11);
        var pages = new WalChunkPages(_wal);

        // Act: write the second half after the release, as DotNext appends to the newest chunk
        var advised = pages.Release();
        for (var offset = ChunkBytes / 2; offset < ChunkBytes; offset++)
        {
            newest.View.Write(offset, (byte)0x22);
        }

        var bytes = ReadAll(newest.View);

        // Assert
        Assert.Equal(ChunkBytes, advised);
        Assert.All(bytes.AsSpan(0, ChunkBytes / 2).ToArray(), b => Assert.Equal(0x11, b));
        Assert.All(bytes.AsSpan(ChunkBytes / 2).ToArray(), b => Assert.Equal(0x22, b));
    }

    [Fact]
    public void Files_outside_the_wal_data_folder_are_left_alone()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_wal, "data"));
        Directory.CreateDirectory(Path.Combine(_wal, "other"));
        using var outside = Mapped(Path.Combine(_wal, "other", "5"), fill: 1);

        // Act
        var advised = new WalChunkPages(_wal).Release();

        // Assert
        Assert.Equal(0, advised);
        Assert.Equal(ChunkBytes / 1024, ResidentKiB(Path.Combine(Path.GetFullPath(_wal), "other", "5"), absolute: true));
    }

    public void Dispose()
    {
        if (Directory.Exists(_wal))
        {
            Directory.Delete(_wal, recursive: true);
        }
    }

    private MappedChunk Chunk(string name, byte fill) => Mapped(Path.Combine(_wal, "data", name), fill);

    private static MappedChunk Mapped(string path, byte fill)
    {
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.CreateNew, null, ChunkBytes, MemoryMappedFileAccess.ReadWrite);
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
    private long ResidentKiB(string name, bool absolute = false)
    {
        var path = absolute ? name : Path.Combine(Path.GetFullPath(_wal), "data", name);
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
