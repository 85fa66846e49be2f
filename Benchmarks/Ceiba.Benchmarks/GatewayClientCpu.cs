using System.Diagnostics;

namespace Ceiba.Benchmarks;

/// <summary>
/// Process CPU time (user + kernel, all threads, GC included) per submitted transaction, read from
/// <see cref="Environment.CpuUsage"/> around a single-threaded loop. Unlike BenchmarkDotNet's wall-clock figures this
/// does not grow when other processes compete for the cores. Run with <c>-- --gateway-cpu [transactions]</c>.
/// </summary>
internal static class GatewayClientCpu
{
    public static async Task RunAsync(int transactions)
    {
        using var benchmarks = new GatewayClientBenchmarks();
        benchmarks.Setup();
        // Long enough for tiered compilation to finish, whose background JIT would otherwise count as client CPU.
        for (var i = 0; i < 20_000; i++)
        {
            await benchmarks.SubmitTransaction();
        }

        GC.Collect();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < transactions; i++)
        {
            await benchmarks.SubmitTransaction();
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        Console.WriteLine($"transactions: {transactions}");
        Console.WriteLine($"client CPU per submitted transaction: {cpu.TotalMicroseconds / transactions:F1} µs (process user+kernel time)");
        Console.WriteLine($"wall clock per submitted transaction: {wall.TotalMicroseconds / transactions:F1} µs");
    }
}
