using Ceiba.Testing.Fabric;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Tests.Support;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>
/// The cuba-3 network in-process with one orderer: three orgs, one peer each (TLS on), each org's
/// test chaincode server at the address of its peer's node config; MAJORITY Endorsement.
/// </summary>
public class ThreeOrgNetworkFixture : IAsyncLifetime
{
    private readonly List<ChaincodeHost> _chaincodes = [];
    private readonly bool _ehr;

    public ThreeOrgNetworkFixture()
        : this(ehr: false)
    {
    }

    /// <summary>With <paramref name="ehr"/> every org runs the C# EHR contract instead of the test chaincode.</summary>
    protected ThreeOrgNetworkFixture(bool ehr) => _ehr = ehr;

    public TestNetwork Network { get; } = TestNetwork.Generate("cuba-3", orderers: 1);

    public OrdererNode Orderer { get; private set; } = null!;

    public List<PeerNode> Peers { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Orderer = await OrdererNode.StartAsync(Network.NodeConfig(Network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        foreach (var peer in Network.PeerNames)
        {
            var address = Network.Config(peer).Chaincodes[0].Address!;
            _chaincodes.Add(await ChaincodeHost.StartAsync(cancellationToken, int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture), _ehr));
            Peers.Add(await PeerNode.StartAsync(Network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken));
        }
    }

    /// <summary>A TLS channel to peer <paramref name="index"/>.</summary>
    public GrpcChannel PeerChannel(int index)
    {
        var config = Network.Config(Network.PeerNames[index]);
        return GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(Network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in Peers)
        {
            await peer.DisposeAsync();
        }

        foreach (var chaincode in _chaincodes)
        {
            await chaincode.DisposeAsync();
        }

        await Orderer.DisposeAsync();
        Network.Dispose();
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
