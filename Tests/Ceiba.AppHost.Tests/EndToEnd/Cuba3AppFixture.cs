using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ceiba.AppHost.Resources;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer;
using Ceiba.Network.Topology.Generation.Nodes;
using Ceiba.Testing.Fabric;
using Grpc.Net.Client;

namespace Ceiba.AppHost.Tests.EndToEnd;

/// <summary>
/// The AppHost with the embedded runtime and cuba-3, started once for every end-to-end test: three orderers, three
/// chaincode servers, three peers and Gateway.Api, no workload. The network material goes to a fresh temp directory,
/// and the topology is cuba-3 with its ports moved to free ones.
/// </summary>
public sealed class Cuba3AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public DistributedApplication App { get; private set; } = null!;

    private readonly string _directory = Directory.CreateTempSubdirectory("ceiba-apphost-e2e-").FullName;

    /// <summary>The generated network's root.</summary>
    public string NetworkDirectory => Path.Combine(_directory, "net");

    /// <summary>The default admin's password, passed to the AppHost as its <c>admin-password</c> parameter.</summary>
    public string AdminPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The network's nodes and chaincode servers, by resource name.</summary>
    public IReadOnlyList<string> NetworkResources { get; private set; } = [];

    public IReadOnlyList<string> PeerNames { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        var topology = FreePortTopology.Write("cuba-3", _directory);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ceiba_AppHost>(
            ["--topology", topology, "--scenario", "none", "--network-dir", NetworkDirectory, $"--Parameters:admin-password={AdminPassword}"],
            timeout.Token);
        NetworkResources = [.. builder.Resources.Where(r => r is IFabricNodeResource or ChaincodeResource).Select(r => r.Name)];
        PeerNames = [.. builder.Resources.OfType<FabricPeerResource>().Select(r => r.Name)];
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        foreach (var name in NetworkResources)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }
    }

    public NodeConfig Node(string name) => NodeConfig.Load(Path.Combine(NetworkDirectory, "nodes", name + ".json"));

    /// <summary>A TLS channel to the peer <paramref name="peer"/>, trusting its org's TLS CA.</summary>
    public GrpcChannel PeerChannel(string peer)
    {
        var node = Node(peer);
        return OrdererGrpcChannels.Create($"localhost:{node.Listen.Port}", Path.Combine(NetworkDirectory, node.TlsDirectory, "ca.crt"), node.HostName);
    }

    /// <summary>A hospital user of <paramref name="domain"/> (e.g. <c>doctor1</c> of <c>habana.ceiba.local</c>), from its MSP folder.</summary>
    public SigningIdentity User(string prefix, string domain, string mspId)
    {
        var users = Path.Combine(NetworkDirectory, "organizations", "peerOrganizations", domain, "users");
        var user = Directory.GetDirectories(users).First(d => Path.GetFileName(d).StartsWith(prefix + ".", StringComparison.Ordinal));
        return SigningIdentity.FromMspFolder(Path.Combine(user, "msp"), mspId);
    }

    /// <summary>Waits until <paramref name="name"/> is Running and its health checks pass, and returns that snapshot.</summary>
    public async Task<CustomResourceSnapshot> RunningAndHealthyAsync(string name, CancellationToken cancellationToken) =>
        (await App.ResourceNotifications.WaitForResourceAsync(
            name,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            cancellationToken)).Snapshot;

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A node still closing a file: the temp directory is left behind.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class Cuba3AppCollection : ICollectionFixture<Cuba3AppFixture>
{
    public const string Name = "cuba-3 app";
}
