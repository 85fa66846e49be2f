namespace Ceiba.LoadTests.Engine;

/// <summary>The stage names used as histogram keys and in the reports.</summary>
public static class StageNames
{
    public const string Endorse = "endorse";
    public const string Submit = "submit";
    public const string Commit = "commit";
    public const string EndToEnd = "end-to-end";

    /// <summary>Commit observed through block events on the scenario's peer threshold (default: every peer).</summary>
    public const string CommitAtThreshold = "commit@threshold";
}
