namespace Ceiba.Gateway.Client;

/// <summary>Creates checkpointers for resuming event streams.</summary>
public static class Checkpointers
{
    /// <summary>A checkpointer that lives in memory.</summary>
    public static InMemoryCheckpointer InMemory() => new();

    /// <summary>A checkpointer persisted as JSON at <paramref name="path"/>, resuming from the file if it exists.</summary>
    public static Task<FileCheckpointer> FileAsync(string path, CancellationToken cancellationToken = default) =>
        FileCheckpointer.OpenAsync(path, cancellationToken);
}
