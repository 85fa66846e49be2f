using System.Diagnostics;
using System.Globalization;
using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Testing.Fabric;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Ceiba.Benchmarks.PeerCommit;

using Ceiba.Gateway.Client;

/// <summary>
/// Endorse latency and RSS of one peer under load: cuba-3 (three orgs, MAJORITY) generated on free loopback ports,
/// the orderer, two peers and the C# EHR chaincode in this process, and the measured peer (Habana, the gateway the
/// load targets) as a real <c>network peer</c> process. Phases of <c>seconds</c> each: ProcessProposal on the peer
/// alone, gateway Endorse (two orgs), then full submits; each at concurrency 1 and <c>concurrency</c>.
/// </summary>
internal static class EndorseLoad
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        using var network = TestNetwork.Generate("cuba-3", maxMessageCount: 100, batchTimeout: "100ms", orderers: 1);
        var peers = network.PeerNames.ToDictionary(n => network.Config(n).MspId);
        var cleanup = new List<IAsyncDisposable>();
        Process? measured = null;
        try
        {
            cleanup.Add(await OrdererNode.StartAsync(network.NodeConfig(network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, CancellationToken.None));
            foreach (var name in network.PeerNames)
            {
                cleanup.Add(await StartChaincodeAsync(network.Config(name).Chaincodes[0].Address!));
            }

            foreach (var org in new[] { "VillaClaraMSP", "SantiagoMSP" })
            {
                cleanup.Add(await PeerNode.StartAsync(network.NodeConfig(peers[org]), new PeerNodeOptions { ConfigureLogging = Quiet }, CancellationToken.None));
            }

            measured = NetworkHost.Start("peer", "--config", network.NodeConfig(peers["HabanaMSP"]));
            using var channel = await WaitServingAsync(network, peers["HabanaMSP"]);
            await using var rss = new RssSampler(measured.Id);
            using var client = network.Client();
            var contract = Gateway.Connect(client, channel).GetNetwork(network.Channel).GetContract("ehr");
            var endorser = new Ceiba.Network.Protos.Peer.Endorser.EndorserClient(channel);
            var nextId = 1L;
            Proposal NewProposal() => contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(Person(Interlocked.Increment(ref nextId))));

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average before: {LoadAverage()}");
            await RunPhaseAsync("warm-up (full submit)", 5, concurrency, () => contract.SubmitTransactionAsync("CreatePerson", Person(Interlocked.Increment(ref nextId))));
            var idle = rss.ReadKilobytes();
            foreach (var workers in new[] { 1, concurrency })
            {
                await RunPhaseAsync($"ProcessProposal on the peer, concurrency {workers}", seconds, workers, async () =>
                {
                    var proposal = NewProposal();
                    proposal.Sign();
                    var response = await endorser.ProcessProposalAsync(ProposedTransaction.Parser.ParseFrom(proposal.Bytes).Proposal);
                    if (response.Endorsement is null)
                    {
                        throw new InvalidOperationException($"not endorsed: {response.Response.Status} {response.Response.Message}");
                    }
                });
                await RunPhaseAsync($"gateway Endorse (2 of 3 orgs), concurrency {workers}", seconds, workers, () => NewProposal().EndorseAsync());
            }

            await RunPhaseAsync($"full submit (endorse, order, commit), concurrency {concurrency}", seconds, concurrency, async () =>
            {
                var status = await (await (await NewProposal().EndorseAsync()).SubmitAsync()).GetStatusAsync();
                if (!status.Successful)
                {
                    throw new InvalidOperationException($"commit status {status.Code}");
                }
            });
            Console.WriteLine($"peer process RSS: idle after warm-up {idle / 1024.0:0} MiB, peak under load {rss.PeakKilobytes / 1024.0:0} MiB, at the end {rss.ReadKilobytes() / 1024.0:0} MiB");
            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            if (measured is { HasExited: false })
            {
                measured.Kill(entireProcessTree: true);
                await measured.WaitForExitAsync();
            }

            measured?.Dispose();
            foreach (var running in Enumerable.Reverse(cleanup))
            {
                await running.DisposeAsync();
            }
        }
    }

    private static async Task RunPhaseAsync(string name, int seconds, int workers, Func<Task> call)
    {
        var recorder = new LatencyRecorder();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < deadline)
            {
                await recorder.TimeAsync(call);
            }
        })));
        Console.WriteLine(recorder.Report(name));
    }

    private static string Person(long id) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"person_id":{{id}},"gender_concept_id":8507,"year_of_birth":1970,"race_concept_id":8527,"ethnicity_concept_id":38003563,"province":"03"}""");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static async Task<IAsyncDisposable> StartChaincodeAsync(string address)
    {
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = address, ChaincodeId = "ehr_1.0:bench", DrainTimeout = TimeSpan.FromSeconds(2) };
        builder.UseContracts(new EhrContract());
        var server = builder.Build();
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private static async Task<GrpcChannel> WaitServingAsync(TestNetwork network, string peer)
    {
        var config = network.Config(peer);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var channel = OrdererGrpcChannels.Create($"localhost:{config.Listen.Port}", Path.Combine(network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
            try
            {
                await channel.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(2));
                return channel;
            }
            catch (Exception error) when (error is TimeoutException or Grpc.Core.RpcException or HttpRequestException && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                channel.Dispose();
                await Task.Delay(200);
            }
        }
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
