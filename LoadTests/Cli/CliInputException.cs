namespace Ceiba.LoadTests.Cli;

/// <summary>A bad option or environment variable: which one, the value given, and what was expected.</summary>
public sealed class CliInputException(string option, string? value, string expectation)
    : Exception($"{option}: {(value is null ? "(missing)" : $"\"{value}\"")}; expected {expectation}")
{
    public string Option { get; } = option;
}
