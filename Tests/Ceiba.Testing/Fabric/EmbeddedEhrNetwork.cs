using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Ceiba.Testing.Fabric;

/// <summary>
/// A shipped topology running in-process on free loopback ports: its orderers, every peer (TLS on), and the C# EHR
/// contract served by one CCaaS server per peer at the address of that peer's node config. For tests of the
/// gateway client, the EHR service and the load engine against the real stack.
/// </summary>
public sealed class EmbeddedEhrNetwork : IAsyncDisposable
{
    private readonly List<ChaincodeServer> _chaincodes = [];

    private EmbeddedEhrNetwork(TestNetwork network) => Network = network;

    public TestNetwork Network { get; }

    public List<OrdererNode> Orderers { get; } = [];

    public List<PeerNode> Peers { get; } = [];

    /// <summary>Generates <paramref name="topology"/> (e.g. <c>seed</c>, <c>cuba-3</c>) and starts it.</summary>
    public static async Task<EmbeddedEhrNetwork> StartAsync(string topology, CancellationToken cancellationToken, int? orderers = 1, int maxMessageCount = 10, string batchTimeout = "200ms")
    {
        var network = new EmbeddedEhrNetwork(TestNetwork.Generate(topology, maxMessageCount, batchTimeout, orderers: orderers));
        try
        {
            foreach (var orderer in network.Network.OrdererNames)
            {
                network.Orderers.Add(await OrdererNode.StartAsync(network.Network.NodeConfig(orderer), new OrdererNodeOptions { ConfigureLogging = Quiet }, cancellationToken));
            }

            foreach (var peer in network.Network.PeerNames)
            {
                network._chaincodes.Add(await StartChaincodeAsync(network.Network.Config(peer).Chaincodes[0].Address!, cancellationToken));
                network.Peers.Add(await PeerNode.StartAsync(network.Network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken));
            }

            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>A TLS channel to the peer named <paramref name="peer"/> (a node name such as <c>peer0-habana</c>).</summary>
    public GrpcChannel PeerChannel(string peer)
    {
        var config = Network.Config(peer);
        return OrdererGrpcChannels.Create($"localhost:{config.Listen.Port}", Path.Combine(Network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in Peers)
        {
            await peer.DisposeAsync();
        }

        foreach (var chaincode in _chaincodes)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await chaincode.StopAsync(timeout.Token);
            await chaincode.DisposeAsync();
        }

        foreach (var orderer in Orderers)
        {
            await orderer.DisposeAsync();
        }

        Network.Dispose();
    }

    private static async Task<ChaincodeServer> StartChaincodeAsync(string address, CancellationToken cancellationToken)
    {
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = address, ChaincodeId = "ehr_1.0:embedded", DrainTimeout = TimeSpan.FromSeconds(2) };
        builder.UseContracts(new EhrContract());
        var server = builder.Build();
        await server.StartAsync(cancellationToken);
        return server;
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
