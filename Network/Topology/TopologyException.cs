namespace Ceiba.Network.Topology;

/// <summary>A topology file that cannot be used, with every problem found in it.</summary>
public sealed class TopologyException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with its <paramref name="errors"/> (at least one).</summary>
    public TopologyException(string source, IReadOnlyList<TopologyError> errors)
        : base(BuildMessage(source, errors))
    {
        SourceName = source;
        Errors = errors;
    }

    /// <summary>The file name the errors refer to.</summary>
    public string SourceName { get; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<TopologyError> Errors { get; }

    private static string BuildMessage(string source, IReadOnlyList<TopologyError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return $"Topology {source} is not valid ({count}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
