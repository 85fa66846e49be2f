using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Testing.Internal;

namespace Ceiba.Testing;

/// <summary>
/// Runs the official Fabric Node packages (pinned in <c>Tests/interop/package-lock.json</c>) from tests.
/// The first call installs them with <c>npm ci</c>, once per machine state, guarded across processes.
/// A missing node or npm is an error, never a skip.
/// </summary>
/// <example>
/// <code>
/// var decoded = await NodeInterop.RunJsonAsync("protos/decode.js", request, cancellationToken: ct);
/// </code>
/// </example>
public static class NodeInterop
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root: the nearest directory above the test binaries that holds Harness.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary><c>Tests/interop</c>: package.json, the lockfile, node_modules and the scripts.</summary>
    public static string InteropDirectory => Path.Combine(RepositoryRoot, "Tests", "interop");

    /// <summary>Makes sure node and npm exist and the pinned packages are installed.</summary>
    public static Task EnsureInstalledAsync(CancellationToken cancellationToken = default) =>
        NpmInstaller.EnsureInstalledAsync(InteropDirectory, cancellationToken);

    /// <summary>
    /// Runs <paramref name="script"/> (relative to <see cref="InteropDirectory"/>) to completion,
    /// writing <paramref name="standardInput"/> to its stdin. Throws <see cref="NodeInteropException"/>
    /// with node's stderr on a non-zero exit or a timeout.
    /// </summary>
    public static async Task<NodeResult> RunAsync(
        string script,
        string standardInput = "",
        NodeRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        options ??= new NodeRunOptions();
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);

        var result = await ProcessRunner.RunAsync(
            "node",
            [ScriptPath(script), .. options.Arguments],
            options.WorkingDirectory ?? InteropDirectory,
            options.Environment,
            standardInput,
            options.Timeout,
            cancellationToken).ConfigureAwait(false);

        if (result.ExitCode != 0)
        {
            throw new NodeInteropException(
                $"node {script} exited with code {result.ExitCode}.{Environment.NewLine}stderr:{Environment.NewLine}{result.StandardError}");
        }
        return result;
    }

    /// <summary>Runs a script that reads one JSON value on stdin and prints one JSON value on stdout.</summary>
    public static async Task<JsonNode?> RunJsonAsync(
        string script,
        JsonNode? input,
        NodeRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(script, input?.ToJsonString() ?? "null", options, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(result.StandardOutput);
        }
        catch (JsonException e)
        {
            throw new NodeInteropException(
                $"node {script} printed something that is not JSON:{Environment.NewLine}{result.StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{result.StandardError}",
                e);
        }
    }

    /// <summary>
    /// Starts a long-running script (a chaincode server, a client that waits for events, ...).
    /// Dispose the returned handle to kill its process tree.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(
        string script,
        NodeRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        options ??= new NodeRunOptions();
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        return NodeProcess.Start(
            script,
            [ScriptPath(script), .. options.Arguments],
            options.WorkingDirectory ?? InteropDirectory,
            options.Environment);
    }

    private static string ScriptPath(string script)
    {
        var path = Path.GetFullPath(Path.Combine(InteropDirectory, script));
        if (!File.Exists(path))
        {
            throw new NodeInteropException($"No interop script at {path}.");
        }
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }
        throw new NodeInteropException($"Could not find Harness.sln above {AppContext.BaseDirectory}.");
    }
}
