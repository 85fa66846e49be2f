namespace Ceiba.LoadTests.Cli;

/// <summary>The load-test CLI's exit codes (documented in LoadTests/README.md).</summary>
public static class ExitCodes
{
    /// <summary>The run completed and every gate held.</summary>
    public const int Ok = 0;

    /// <summary>The run completed and at least one gate was breached; each breach is printed.</summary>
    public const int GateBreached = 1;

    /// <summary>Bad input: an option, environment variable or scenario file is wrong; nothing ran.</summary>
    public const int BadInput = 2;

    /// <summary>The run could not start or did not complete: the workload could not connect, or it was cancelled.</summary>
    public const int RunFailed = 3;
}
