using System.Text.Json;
using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class PeerSpecTests(GeneratedNetworks networks)
{
    private static readonly string[] RequiredVariables =
    [
        "CORE_PEER_ID", "CORE_PEER_ADDRESS", "CORE_PEER_LISTENADDRESS", "CORE_PEER_CHAINCODEADDRESS", "CORE_PEER_CHAINCODELISTENADDRESS",
        "CORE_PEER_GOSSIP_BOOTSTRAP", "CORE_PEER_GOSSIP_EXTERNALENDPOINT", "CORE_PEER_LOCALMSPID", "CORE_PEER_MSPCONFIGPATH",
        "CORE_PEER_TLS_ENABLED", "CORE_PEER_TLS_CERT_FILE", "CORE_PEER_TLS_KEY_FILE", "CORE_PEER_TLS_ROOTCERT_FILE",
        "CORE_OPERATIONS_LISTENADDRESS", "CORE_METRICS_PROVIDER", "CORE_PEER_GATEWAY_ENABLED", "CORE_LEDGER_STATE_STATEDATABASE",
        "CORE_PEER_FILESYSTEMPATH", "CORE_CHAINCODE_EXTERNALBUILDERS", "FABRIC_LOGGING_SPEC",
    ];

    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void Every_peer_gets_tls_gossip_gateway_and_the_ccaas_builder_with_files_that_exist_in_its_mounts(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var nodes = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("peer");
        Assert.Equal(network.Topology.Orgs.Sum(o => o.Peers.Count), nodes.Count);

        foreach (var node in nodes)
        {
            // Act
            var spec = FabricContainerSpecs.Peer(network.OutputDirectory, node);

            // Assert
            var env = spec.Environment;
            Assert.All(RequiredVariables, name => Assert.True(env.ContainsKey(name), $"{node.Name}: {name} is missing"));
            Assert.Equal(node.HostName, env["CORE_PEER_ID"]);
            Assert.Equal($"{node.HostName}:{node.Listen.Port}", env["CORE_PEER_ADDRESS"]);
            Assert.Equal($"{node.HostName}:{node.Listen.Port}", env["CORE_PEER_GOSSIP_EXTERNALENDPOINT"]);
            Assert.Equal($"0.0.0.0:{node.Listen.Port}", env["CORE_PEER_LISTENADDRESS"]);
            Assert.Equal($"{node.HostName}:{node.Listen.ChaincodePort}", env["CORE_PEER_CHAINCODEADDRESS"]);
            Assert.Equal($"0.0.0.0:{node.Listen.ChaincodePort}", env["CORE_PEER_CHAINCODELISTENADDRESS"]);
            Assert.Equal($"0.0.0.0:{node.Listen.OperationsPort}", env["CORE_OPERATIONS_LISTENADDRESS"]);
            Assert.Equal(node.MspId, env["CORE_PEER_LOCALMSPID"]);
            Assert.Equal("true", env["CORE_PEER_GATEWAY_ENABLED"]);
            Assert.Equal("true", env["CORE_PEER_TLS_ENABLED"]);
            Assert.Equal("goleveldb", env["CORE_LEDGER_STATE_STATEDATABASE"]);
            Assert.Equal("prometheus", env["CORE_METRICS_PROVIDER"]);
            // Each org of the shipped topologies has one peer: gossip bootstraps from the peer itself.
            Assert.Equal(env["CORE_PEER_ADDRESS"], env["CORE_PEER_GOSSIP_BOOTSTRAP"]);

            using var builders = JsonDocument.Parse(env["CORE_CHAINCODE_EXTERNALBUILDERS"]);
            var builder = Assert.Single(builders.RootElement.EnumerateArray());
            Assert.Equal("ccaas_builder", builder.GetProperty("name").GetString());
            Assert.Equal("/opt/hyperledger/ccaas_builder", builder.GetProperty("path").GetString());

            SpecAssertions.MountsExist(spec);
            SpecAssertions.MountedDirectory(spec, env["CORE_PEER_MSPCONFIGPATH"]);
            SpecAssertions.MountedFile(spec, $"{env["CORE_PEER_MSPCONFIGPATH"]}/config.yaml");
            SpecAssertions.MountedFile(spec, $"{env["CORE_PEER_MSPCONFIGPATH"]}/signcerts/{node.HostName}-cert.pem");
            SpecAssertions.MountedFile(spec, env["CORE_PEER_TLS_CERT_FILE"]);
            SpecAssertions.MountedFile(spec, env["CORE_PEER_TLS_KEY_FILE"]);
            SpecAssertions.MountedFile(spec, env["CORE_PEER_TLS_ROOTCERT_FILE"]);
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(network.OutputDirectory, node.TlsDirectory, "server.key")),
                File.ReadAllBytes(SpecAssertions.HostPath(spec, env["CORE_PEER_TLS_KEY_FILE"])!));
            var ledger = spec.Mounts.Single(m => !m.ReadOnly);
            Assert.Equal(env["CORE_PEER_FILESYSTEMPATH"], ledger.Target);

            Assert.Equal([("grpc", node.Listen.Port), ("operations", node.Listen.OperationsPort!.Value)], spec.Ports.Select(p => (p.Name, p.HostPort)));
            Assert.All(spec.Ports, p => Assert.Equal(p.HostPort, p.TargetPort));
            Assert.Equal(node.HostName, spec.NetworkAlias);
            Assert.Equal(["peer", "node", "start"], spec.Args);
            Assert.Contains("host.docker.internal:host-gateway", spec.RuntimeArgs);
            Assert.Equal($"docker.io/hyperledger/fabric-peer:{FabricContainerImageTags.FabricTag}", spec.ImageReference);
        }
    }

    [Fact]
    public void The_topology_resource_limits_become_container_runtime_limits()
    {
        // Arrange
        var node = FabricNetworkFolder.Open(networks.Seed.OutputDirectory).Nodes("peer")[0];
        var limits = networks.Seed.Topology.Orgs[0].Peers[0].Resources!;

        // Act
        var spec = FabricContainerSpecs.Peer(networks.Seed.OutputDirectory, node);

        // Assert
        var args = spec.RuntimeArgs.ToList();
        Assert.Equal(limits.Cpus!.Value, double.Parse(args[args.IndexOf("--cpus") + 1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{limits.MemoryMb}m", args[args.IndexOf("--memory") + 1]);
    }
}
