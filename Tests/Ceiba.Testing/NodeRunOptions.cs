namespace Ceiba.Testing;

/// <summary>How to run a Node script from <c>Tests/interop</c>.</summary>
public sealed record NodeRunOptions
{
    /// <summary>Default limit for a script that runs to completion.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Command-line arguments passed after the script path.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables for the node process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory; defaults to <see cref="NodeInterop.InteropDirectory"/>.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Time limit for <see cref="NodeInterop.RunAsync(string, string, NodeRunOptions?, CancellationToken)"/>; the process tree is killed when it passes.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
