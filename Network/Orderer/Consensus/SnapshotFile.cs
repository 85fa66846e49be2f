using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;

namespace Ceiba.Network.Orderer.Consensus;

#pragma warning disable DOTNEXT001 // ISnapshot is marked experimental in DotNext 6.

/// <summary>
/// One snapshot of the block state machine on disk, <c>&lt;index&gt;-&lt;term&gt;</c> holding an encoded
/// <see cref="ChainSnapshot"/> (a few dozen bytes), as DotNext reads it to send it to a follower.
/// </summary>
internal sealed class SnapshotFile : ISnapshot
{
    private SnapshotFile(string path, long index, long term, byte[] content)
    {
        Path = path;
        Index = index;
        Term = term;
        Content = content;
    }

    public string Path { get; }

    public long Index { get; }

    public long Term { get; }

    public byte[] Content { get; }

    bool IDataTransferObject.IsReusable => true;

    long? IDataTransferObject.Length => Content.Length;

    /// <summary>Writes the snapshot durably (temporary file, flush, rename) and returns it.</summary>
    public static SnapshotFile Write(DirectoryInfo directory, long index, long term, byte[] content)
    {
        var path = System.IO.Path.Combine(directory.FullName, $"{index}-{term}");
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return new SnapshotFile(path, index, term, content);
    }

    /// <summary>The snapshots in <paramref name="directory"/>, oldest first.</summary>
    public static IReadOnlyList<SnapshotFile> ReadAll(DirectoryInfo directory) =>
        [.. directory.EnumerateFiles("*-*")
            .Select(f => (File: f, Parts: f.Name.Split('-')))
            .Where(f => f.Parts.Length == 2 && long.TryParse(f.Parts[0], out _) && long.TryParse(f.Parts[1], out _))
            .Select(f => new SnapshotFile(f.File.FullName, long.Parse(f.Parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(f.Parts[1], System.Globalization.CultureInfo.InvariantCulture), File.ReadAllBytes(f.File.FullName)))
            .OrderBy(s => s.Index)];

    ValueTask IDataTransferObject.WriteToAsync<TWriter>(TWriter writer, CancellationToken token) =>
        writer.WriteAsync(Content, lengthFormat: null, token);
}
