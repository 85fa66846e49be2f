using System.Text.Json;
using Ceiba.Gateway.Client.Internal;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A checkpointer that persists its position as JSON (<c>{"blockNumber":N,"transactionId":"…"}</c>), so that a
/// restarted process resumes after the last event it processed. Each write replaces the file atomically.
/// </summary>
public sealed class FileCheckpointer : InMemoryCheckpointer
{
    private readonly string _path;

    private FileCheckpointer(string path) => _path = path;

    /// <summary>The checkpoint file.</summary>
    public string FilePath => _path;

    /// <summary>Opens the checkpoint at <paramref name="path"/>, reading its position if the file exists.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a checkpoint.</exception>
    public static async Task<FileCheckpointer> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var checkpointer = new FileCheckpointer(Path.GetFullPath(path));
        if (File.Exists(checkpointer._path))
        {
            var state = await ReadAsync(checkpointer._path, cancellationToken).ConfigureAwait(false);
            await checkpointer.SetAsync(state.BlockNumber, state.TransactionId, cancellationToken).ConfigureAwait(false);
        }

        return checkpointer;
    }

    /// <inheritdoc />
    protected override async ValueTask SaveAsync(CancellationToken cancellationToken)
    {
        var state = new CheckpointState(BlockNumber, TransactionId);
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, state, CheckpointJsonContext.Default.CheckpointState, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static async Task<CheckpointState> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, CheckpointJsonContext.Default.CheckpointState, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Checkpoint file {path} holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Checkpoint file {path} is not a checkpoint.", e);
        }
    }
}
