using System.Diagnostics;
using System.Globalization;
using Ceiba.Chaincode.Shim;
using Ceiba.Testing.Chaincode;
using Microsoft.Extensions.Logging;

namespace Ceiba.Benchmarks.Shim;

/// <summary>
/// Load program: starts <see cref="BenchChaincode"/> on our shim in a child process (so its memory and CPU are its own),
/// drives it over one loopback stream with <see cref="ChaincodeDriver"/> from this process, and prints throughput,
/// latency percentiles, and the chaincode process's peak RSS and CPU time.
/// <c>dotnet run -c Release --project Benchmarks/Ceiba.Benchmarks -- shim-load [transactions] [concurrency] [function]</c>
/// </summary>
public static class ShimLoad
{
    private const string ListeningPrefix = "CEIBA-SHIM-LISTENING ";

    /// <summary>Runs the load and prints the figures; returns 0 when every transaction succeeded.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var transactions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 128;
        var function = args.Length > 2 ? args[2] : "create";
        using var child = StartServer();
        var port = await ReadPortAsync(child);
        _ = child.StandardOutput.ReadToEndAsync(); // keep the pipe drained: a full pipe would stall the server
        await using var driver = await ChaincodeDriver.ConnectAsync($"127.0.0.1:{port}");
        var value = new string('n', 512);
        var pool = new ProposalPool(driver.Identity, 8192, i => [function, $"note:{i}", value]);

        await RunPhaseAsync(driver, pool, Math.Min(20_000, transactions), concurrency); // warm-up: JIT, tiering, buffers
        var cpuBefore = ChildProcessStats.CpuTime(child.Id);
        var peakRss = 0L;
        var peakAnon = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ChildProcessStats.StatusKilobytes(child.Id, "VmRSS"));
                peakAnon = Math.Max(peakAnon, ChildProcessStats.StatusKilobytes(child.Id, "RssAnon"));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var (latencies, failures) = await RunPhaseAsync(driver, pool, transactions, concurrency);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var cpu = ChildProcessStats.CpuTime(child.Id) - cpuBefore;
        var hwm = ChildProcessStats.StatusKilobytes(child.Id, "VmHWM");

        Array.Sort(latencies);
        Console.WriteLine($"function={function} transactions={transactions} concurrency={concurrency} failures={failures}");
        Console.WriteLine($"throughput: {transactions / clock.Elapsed.TotalSeconds:F0} tx/s over {clock.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"latency ms: p50={Percentile(latencies, 0.50):F3} p99={Percentile(latencies, 0.99):F3} max={latencies[^1]:F3}");
        Console.WriteLine($"chaincode process: peak RSS during run {peakRss / 1024.0:F1} MB (anonymous {peakAnon / 1024.0:F1} MB, the rest mapped files), VmHWM {hwm / 1024.0:F1} MB");
        Console.WriteLine($"chaincode process CPU: {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds * 1000 / transactions:F1} µs/tx");

        await child.StandardInput.WriteLineAsync("stop");
        await child.WaitForExitAsync();
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The child side: serves BenchChaincode on a free loopback port until stdin says stop.</summary>
    public static async Task<int> ServeAsync()
    {
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = "127.0.0.1:0", ChaincodeId = "bench_1.0:0" };
        builder.UseChaincode(new BenchChaincode());
        await using var server = builder.Build();
        await server.StartAsync();
        Console.WriteLine(ListeningPrefix + server.Port.ToString(CultureInfo.InvariantCulture));
        await Console.In.ReadLineAsync();
        var gc = GC.GetGCMemoryInfo();
        await Console.Error.WriteLineAsync(
            $"chaincode process GC: heap {gc.HeapSizeBytes / 1048576.0:F1} MB, committed {gc.TotalCommittedBytes / 1048576.0:F1} MB, " +
            $"gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, threads {Environment.ProcessorCount} cpus / {System.Diagnostics.Process.GetCurrentProcess().Threads.Count} threads");
        await server.StopAsync();
        return 0;
    }

    private static async Task<(double[] Latencies, int Failures)> RunPhaseAsync(ChaincodeDriver driver, ProposalPool pool, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                var result = await driver.InvokeAsync(pool.Next(), commit: false);
                latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (result.Status != 200)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        await Task.WhenAll(workers);
        return (latencies, failures);
    }

    private static Process StartServer()
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ShimLoad).Assembly.Location);
        }
        start.ArgumentList.Add("shim-serve");
        // Chaincode processes run with a 4 MiB gen0 budget (the launchers set it; only the environment variable is honoured).
        start.Environment["DOTNET_GCgen0size"] = "0x400000";
        return Process.Start(start)!;
    }

    private static async Task<int> ReadPortAsync(Process child)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                return int.Parse(line[ListeningPrefix.Length..], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("The chaincode server process ended before it listened.");
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
}
