using Ceiba.Benchmarks.OrdererLoad;
using Ceiba.Network.Msp;
using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Nodes;

// Orderer load benchmark: cuba-3's three Raft orderers as separate 'network orderer' processes,
// 1 KiB envelopes, MaxMessageCount 500. Usage: [envelopes] [streams] [window] [tls:true|false]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
var streams = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 6;
var window = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var tls = args.Length <= 3 || bool.Parse(args[3]);

var (root, result) = LoadNetwork.Generate(maxMessageCount: 500, batchTimeout: "2s", tls);
var org = result.Topology.Orgs[0];
var users = Path.Combine(root, OutputLayout.PeerOrgDirectory(org.Domain), "users");
using var signer = SigningIdentity.FromMspFolder(Path.Combine(Directory.GetDirectories(users).First(d => Path.GetFileName(d).StartsWith("doctor1", StringComparison.Ordinal)), "msp"), org.MspId);
var configs = Directory.GetFiles(Path.Combine(root, "nodes"), "orderer*.json").Order().ToList();
var orderers = configs.Select(NodeConfig.Load)
    .Select(c => ($"localhost:{c.Listen.Port}", tls ? Path.Combine(root, c.Orderers[0].TlsCaCert) : null, c.HostName))
    .ToList();

var processes = configs.Select(c => new OrdererProcess(Path.GetFileNameWithoutExtension(c), c)).ToList();
try
{
    using var http = new HttpClient();
    var operations = configs.Select(NodeConfig.Load).Select(c => c.Listen.OperationsPort).ToList();
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        var ready = 0;
        foreach (var port in operations)
        {
            try { ready += (await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode ? 1 : 0; } catch (HttpRequestException) { }
        }

        if (ready == operations.Count) break;
        if (DateTime.UtcNow > deadline) throw new TimeoutException("the orderers did not become ready");
        await Task.Delay(200);
    }

    var run = new LoadRun(signer, result.Topology.Channels[0].Name, envelopeBytes: 1024);
    Console.WriteLine($"Signing {count} envelopes of 1 KiB...");
    var warmup = run.Prepare(2_000);
    var envelopes = run.Prepare(count);
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            processes.ForEach(p => p.SampleRss());
            await Task.Delay(200);
        }
    });
    await run.RunAsync(warmup, orderers, streams, window, CancellationToken.None);
    var load = await run.RunAsync(envelopes, orderers, streams, window, CancellationToken.None);
    await sampling.CancelAsync();
    await sampler;

    Console.WriteLine($"load average (1, 5, 15 min) at the end of the run: {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"orderers: 3 (Raft, DotNext WAL), TLS {tls}, MaxMessageCount 500, BatchTimeout 2s, {streams} broadcast streams, window {window}/stream, {Environment.ProcessorCount} cores");
    Console.WriteLine($"envelopes: {load.Envelopes} x 1 KiB, rejected {load.Rejected}, elapsed {load.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"throughput: {load.PerSecond:F0} envelopes/s ordered (broadcast to delivery)");
    Console.WriteLine($"latency broadcast->delivery: p50 {load.Percentile(0.50):F0} ms, p99 {load.Percentile(0.99):F0} ms");
    foreach (var process in processes)
    {
        Console.WriteLine($"peak RSS {process.Name}: {process.PeakRssBytes / (1024 * 1024)} MB (anonymous {process.PeakAnonymousBytes / (1024 * 1024)} MB)");
    }
}
finally
{
    processes.ForEach(p => p.Dispose());
    Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
}
