using System.Globalization;
using Ceiba.LoadTests.Metrics;
using Spectre.Console;

namespace Ceiba.LoadTests.Cli;

/// <summary>
/// Shows the run as it goes: a live Spectre.Console table on an interactive terminal, or one plain line every few
/// seconds when the output is redirected (CI logs, the AppHost's console).
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console)
{
    private const int PlainLineEverySeconds = 5;

    private volatile ProgressUpdate? latest;
    private int updates;

    /// <summary>Called by the sampler once per interval.</summary>
    public void Report(ProgressUpdate update)
    {
        latest = update;
        if (!console.Profile.Capabilities.Interactive && Interlocked.Increment(ref updates) % PlainLineEverySeconds == 0)
        {
            console.WriteLine(Describe(update));
        }
    }

    /// <summary>Runs <paramref name="work"/> with the live table shown while it runs (interactive terminals only).</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work();
        }
        T result = default!;
        await console.Live(Render(null)).AutoClear(false).StartAsync(async context =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(500));
                context.UpdateTarget(Render(latest));
            }
            result = await task;
        });
        return result;
    }

    internal static string Describe(ProgressUpdate update) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{update.Elapsed:hh\\:mm\\:ss}] {update.Phase}: sent {update.SentPerSecond:0}/s, goodput {update.GoodputPerSecond:0}/s, p99 {update.EndToEndP99:N0} ms, ok {update.Succeeded}, failed {update.Failed}, in flight {update.InFlight}");

    private static Table Render(ProgressUpdate? update)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Ceiba load test");
        foreach (var column in new[] { "elapsed", "phase", "sent/s", "goodput/s", "p99 (ms)", "succeeded", "failed", "in flight" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        if (update is null)
        {
            table.AddRow("starting", "", "", "", "", "", "", "");
            return table;
        }
        table.AddRow(
            update.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            Markup.Escape(update.Phase),
            update.SentPerSecond.ToString("0", CultureInfo.InvariantCulture),
            update.GoodputPerSecond.ToString("0", CultureInfo.InvariantCulture),
            update.EndToEndP99.ToString("N0", CultureInfo.InvariantCulture),
            update.Succeeded.ToString(CultureInfo.InvariantCulture),
            update.Failed > 0 ? $"[red]{update.Failed}[/]" : "0",
            update.InFlight.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
