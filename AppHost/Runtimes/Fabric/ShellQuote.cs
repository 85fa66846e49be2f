namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>Quotes values for the generated bash script, so paths and policies reach the tools verbatim.</summary>
internal static class ShellQuote
{
    /// <summary><paramref name="value"/> in single quotes, with embedded single quotes closed, escaped and reopened.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    /// <summary>Each value quoted, separated by spaces.</summary>
    public static string Join(IEnumerable<string> values) => string.Join(' ', values.Select(Quote));
}
