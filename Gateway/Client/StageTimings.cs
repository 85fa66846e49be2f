namespace Ceiba.Gateway.Client;

/// <summary>
/// How long each stage of one transaction took, as seen by the client (Stopwatch timestamps around each call,
/// signing included). A stage not reached yet is <see cref="TimeSpan.Zero"/>.
/// </summary>
/// <param name="Endorse">Endorse: signing the proposal (unless signed offline) and the Endorse call.</param>
/// <param name="Submit">Submit: signing the envelope (unless signed offline) and the Submit call (ordering accepted).</param>
/// <param name="CommitStatus">CommitStatus: signing the status request (unless signed offline) and waiting for the validation code.</param>
public readonly record struct StageTimings(TimeSpan Endorse, TimeSpan Submit, TimeSpan CommitStatus)
{
    /// <summary>The sum of the stages.</summary>
    public TimeSpan Total => Endorse + Submit + CommitStatus;
}
