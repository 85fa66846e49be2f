namespace Ceiba.Testing;

/// <summary>What a finished node process printed.</summary>
public sealed record NodeResult(int ExitCode, string StandardOutput, string StandardError);
