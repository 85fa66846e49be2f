using System.Diagnostics;
using Ceiba.Benchmarks.OrdererLoad;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer;
using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Nodes;

// Orderer load benchmark: cuba-3's three Raft orderers as separate 'network orderer' processes,
// 1 KiB envelopes, MaxMessageCount 500. Usage: [envelopes] [streams] [window] [tls] [--catch-up] [--env KEY=VALUE]...
var options = BenchmarkOptions.Parse(args);
var (root, result) = LoadNetwork.Generate(maxMessageCount: 500, batchTimeout: "2s", options.Tls);
var org = result.Topology.Orgs[0];
var users = Path.Combine(root, OutputLayout.PeerOrgDirectory(org.Domain), "users");
using var signer = SigningIdentity.FromMspFolder(Path.Combine(Directory.GetDirectories(users).First(d => Path.GetFileName(d).StartsWith("doctor1", StringComparison.Ordinal)), "msp"), org.MspId);
var configs = Directory.GetFiles(Path.Combine(root, "nodes"), "orderer*.json").Order().ToList();
var nodeConfigs = configs.Select(NodeConfig.Load).ToList();
var orderers = nodeConfigs
    .Select(c => ($"localhost:{c.Listen.Port}", options.Tls ? Path.Combine(root, c.Orderers[0].TlsCaCert) : null, c.HostName))
    .ToList();

var processes = configs.Select(c => new OrdererProcess(Path.GetFileNameWithoutExtension(c), c, options.OrdererEnvironment)).ToList();
OrdererProcess? killed = null;
try
{
    using var http = new HttpClient();
    await WaitForHealthAsync(http, nodeConfigs.Select(c => c.Listen.OperationsPort));

    processes.ForEach(p => p.SampleIdle());
    var run = new LoadRun(signer, result.Topology.Channels[0].Name, envelopeBytes: 1024);
    Console.WriteLine($"Signing {options.Envelopes} envelopes of 1 KiB...");
    var warmup = run.Prepare(2_000);
    var envelopes = run.Prepare(options.Envelopes);
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            processes.ForEach(p => p.SampleRss());
            await Task.Delay(200);
        }
    });
    await run.RunAsync(warmup, orderers, options.Streams, options.Window, CancellationToken.None);
    var targets = orderers;
    if (options.CatchUp)
    {
        // A crash of orderer2 (SIGKILL): the other two keep a quorum and take the whole load. When orderer2 led, the
        // survivors notice only after the election timeout (2-4 s) and answer 503 until then, so the load starts
        // once that time has passed and both are healthy again (a leader among them).
        processes[2].Kill();
        targets = [.. orderers.Take(2)];
        await Task.Delay(new OrdererNodeOptions().ElectionTimeout * 2);
        await WaitForHealthAsync(http, nodeConfigs.Take(2).Select(c => c.Listen.OperationsPort));
    }

    var load = await run.RunAsync(envelopes, targets, options.Streams, options.Window, CancellationToken.None);
    string? catchUp = null;
    if (options.CatchUp)
    {
        var height = await run.HeightAsync(orderers[0], CancellationToken.None);
        var restarted = Stopwatch.StartNew();
        killed = processes[2];
        processes[2] = new OrdererProcess($"{killed.Name} (restarted)", configs[2], options.OrdererEnvironment);
        await WaitForHealthAsync(http, [nodeConfigs[2].Listen.OperationsPort]);
        var healthy = restarted.Elapsed;
        while (await run.HeightAsync(orderers[2], CancellationToken.None) < height)
        {
            await Task.Delay(100);
        }

        catchUp = $"catch-up: orderer2 killed before the load, restarted after it; healthy after {healthy.TotalSeconds:F1} s, at height {height} after {restarted.Elapsed.TotalSeconds:F1} s";
    }

    await sampling.CancelAsync();
    await sampler;

    Console.WriteLine($"load average (1, 5, 15 min) at the end of the run: {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"orderers: 3 (Raft, DotNext WAL), TLS {options.Tls}, MaxMessageCount 500, BatchTimeout 2s, {options.Streams} broadcast streams to {targets.Count} orderers, window {options.Window}/stream, {Environment.ProcessorCount} cores");
    Console.WriteLine($"orderer environment: {string.Join(' ', OrdererNodeOptions.RuntimeEnvironment.Concat(options.OrdererEnvironment).Select(e => $"{e.Key}={e.Value}"))}");
    Console.WriteLine($"envelopes: {load.Envelopes} x 1 KiB, rejected {load.Rejected}, elapsed {load.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"throughput: {load.PerSecond:F0} envelopes/s ordered (broadcast to delivery)");
    Console.WriteLine($"latency broadcast->delivery: p50 {load.Percentile(0.50):F0} ms, p99 {load.Percentile(0.99):F0} ms");
    if (catchUp is not null)
    {
        Console.WriteLine(catchUp);
    }

    foreach (var process in killed is null ? processes : [killed, .. processes])
    {
        Console.WriteLine($"peak RSS {process.Name}: {process.PeakRssBytes / (1024 * 1024)} MB (anonymous {process.PeakAnonymousBytes / (1024 * 1024)} MB, proportional {process.PeakProportionalBytes / (1024 * 1024)} MB); idle after start-up {process.IdleRssBytes / (1024 * 1024)} MB");
    }

    foreach (var config in nodeConfigs)
    {
        var raft = Path.Combine(root, config.DataDirectory, "raft");
        var bytes = Directory.Exists(raft) ? Directory.EnumerateFiles(raft, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        Console.WriteLine($"Raft WAL on disk at the end, {config.Name}: {bytes / (1024 * 1024)} MB");
    }
}
finally
{
    processes.ForEach(p => p.Dispose());
    killed?.Dispose();
    Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
}

static async Task WaitForHealthAsync(HttpClient http, IEnumerable<int?> ports)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    var pending = ports.ToList();
    while (true)
    {
        var ready = 0;
        foreach (var port in pending)
        {
            try { ready += (await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode ? 1 : 0; } catch (HttpRequestException) { }
        }

        if (ready == pending.Count) return;
        if (DateTime.UtcNow > deadline) throw new TimeoutException("the orderers did not become ready");
        await Task.Delay(200);
    }
}
