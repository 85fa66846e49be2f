namespace Ceiba.LoadTests.Scenarios;

/// <summary>A scenario file that cannot be used; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ScenarioException(string source, IReadOnlyList<ScenarioError> errors)
    : Exception($"scenario {source} is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
{
    public string ScenarioSource { get; } = source;

    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
