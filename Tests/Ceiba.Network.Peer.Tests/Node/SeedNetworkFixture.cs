using Ceiba.Testing.Fabric;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Tests.Support;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>
/// The seed network in-process: one orderer, the test chaincode at the address of the peer's node
/// config, and one peer (TLS on), shared by a test class.
/// </summary>
public sealed class SeedNetworkFixture : IAsyncLifetime
{
    public TestNetwork Network { get; } = TestNetwork.Generate("seed");

    public OrdererNode Orderer { get; private set; } = null!;

    public PeerNode Peer { get; private set; } = null!;

    public ChaincodeHost Chaincode { get; private set; } = null!;

    public string PeerName => Network.PeerNames[0];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Orderer = await OrdererNode.StartAsync(Network.NodeConfig(Network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        var chaincodeAddress = Network.Config(PeerName).Chaincodes[0].Address!;
        Chaincode = await ChaincodeHost.StartAsync(cancellationToken, int.Parse(chaincodeAddress[(chaincodeAddress.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Peer = await PeerNode.StartAsync(Network.NodeConfig(PeerName), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
    }

    /// <summary>A TLS channel to the peer, trusting its TLS CA.</summary>
    public GrpcChannel PeerChannel()
    {
        var config = Network.Config(PeerName);
        return GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(Network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
    }

    /// <summary>A TLS channel to the orderer.</summary>
    public GrpcChannel OrdererChannel()
    {
        var config = Network.Config(Network.OrdererNames[0]);
        return OrdererGrpcChannels.Create($"localhost:{config.Listen.Port}", Network.OrdererTlsCa, config.HostName);
    }

    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Chaincode.DisposeAsync();
        await Orderer.DisposeAsync();
        Network.Dispose();
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
