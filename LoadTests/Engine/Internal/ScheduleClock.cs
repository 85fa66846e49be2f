using System.Diagnostics;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>Waiting for a Stopwatch timestamp. Timer resolution (about 1 ms) shows up as schedule lag, honestly.</summary>
internal static class ScheduleClock
{
    public static long At(long origin, TimeSpan offset) => origin + (long)(offset.TotalSeconds * Stopwatch.Frequency);

    public static async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
