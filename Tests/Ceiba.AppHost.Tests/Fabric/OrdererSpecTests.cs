using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class OrdererSpecTests(GeneratedNetworks networks)
{
    private static readonly string[] RequiredVariables =
    [
        "ORDERER_GENERAL_LISTENADDRESS", "ORDERER_GENERAL_LISTENPORT", "ORDERER_GENERAL_LOCALMSPID", "ORDERER_GENERAL_LOCALMSPDIR",
        "ORDERER_GENERAL_TLS_ENABLED", "ORDERER_GENERAL_TLS_PRIVATEKEY", "ORDERER_GENERAL_TLS_CERTIFICATE", "ORDERER_GENERAL_TLS_ROOTCAS",
        "ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", "ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", "ORDERER_GENERAL_CLUSTER_ROOTCAS",
        "ORDERER_GENERAL_BOOTSTRAPMETHOD", "ORDERER_CHANNELPARTICIPATION_ENABLED", "ORDERER_ADMIN_LISTENADDRESS",
        "ORDERER_ADMIN_TLS_ENABLED", "ORDERER_ADMIN_TLS_CERTIFICATE", "ORDERER_ADMIN_TLS_PRIVATEKEY", "ORDERER_ADMIN_TLS_ROOTCAS",
        "ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "ORDERER_ADMIN_TLS_CLIENTROOTCAS", "ORDERER_OPERATIONS_LISTENADDRESS",
        "ORDERER_METRICS_PROVIDER", "ORDERER_FILELEDGER_LOCATION", "FABRIC_LOGGING_SPEC",
    ];

    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void Every_orderer_gets_the_channel_participation_settings_with_files_that_exist_in_its_mounts(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var nodes = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("orderer");
        Assert.Equal(network.Topology.Orderers.Nodes.Count, nodes.Count);

        foreach (var node in nodes)
        {
            // Act
            var spec = FabricContainerSpecs.Orderer(network.OutputDirectory, node);

            // Assert
            var env = spec.Environment;
            Assert.All(RequiredVariables, name => Assert.True(env.ContainsKey(name), $"{node.Name}: {name} is missing"));
            Assert.Equal("none", env["ORDERER_GENERAL_BOOTSTRAPMETHOD"]);
            Assert.Equal("true", env["ORDERER_CHANNELPARTICIPATION_ENABLED"]);
            Assert.Equal("true", env["ORDERER_GENERAL_TLS_ENABLED"]);
            Assert.Equal("true", env["ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED"]);
            Assert.Equal("prometheus", env["ORDERER_METRICS_PROVIDER"]);
            Assert.Equal(node.MspId, env["ORDERER_GENERAL_LOCALMSPID"]);
            Assert.Equal(node.Listen.Port.ToString(), env["ORDERER_GENERAL_LISTENPORT"]);
            Assert.Equal($"0.0.0.0:{node.Listen.AdminPort}", env["ORDERER_ADMIN_LISTENADDRESS"]);
            Assert.Equal($"0.0.0.0:{node.Listen.OperationsPort}", env["ORDERER_OPERATIONS_LISTENADDRESS"]);

            SpecAssertions.MountsExist(spec);
            SpecAssertions.MountedDirectory(spec, env["ORDERER_GENERAL_LOCALMSPDIR"]);
            SpecAssertions.MountedFile(spec, $"{env["ORDERER_GENERAL_LOCALMSPDIR"]}/signcerts/{node.HostName}-cert.pem");
            SpecAssertions.MountedFile(spec, $"{env["ORDERER_GENERAL_LOCALMSPDIR"]}/keystore/priv_sk");
            foreach (var file in new[] { "ORDERER_GENERAL_TLS_PRIVATEKEY", "ORDERER_GENERAL_TLS_CERTIFICATE", "ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE",
                         "ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", "ORDERER_ADMIN_TLS_CERTIFICATE", "ORDERER_ADMIN_TLS_PRIVATEKEY" })
            {
                SpecAssertions.MountedFile(spec, env[file]);
            }
            foreach (var list in new[] { "ORDERER_GENERAL_TLS_ROOTCAS", "ORDERER_GENERAL_CLUSTER_ROOTCAS", "ORDERER_ADMIN_TLS_ROOTCAS", "ORDERER_ADMIN_TLS_CLIENTROOTCAS" })
            {
                Assert.All(SpecAssertions.ListValue(env[list]), path => SpecAssertions.MountedFile(spec, path));
            }
            // The TLS certificate in the container is the node's generated one.
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(network.OutputDirectory, node.TlsDirectory, "server.crt")),
                File.ReadAllBytes(SpecAssertions.HostPath(spec, env["ORDERER_GENERAL_TLS_CERTIFICATE"])!));

            var ledger = spec.Mounts.Single(m => !m.ReadOnly);
            Assert.StartsWith(ledger.Target + "/", env["ORDERER_FILELEDGER_LOCATION"] + "/", StringComparison.Ordinal);
            Assert.StartsWith(ledger.Target + "/", env["ORDERER_CONSENSUS_WALDIR"], StringComparison.Ordinal);
            Assert.Equal(Path.Combine(network.OutputDirectory, "data", "fabric", node.Name), ledger.Source);
            Assert.All(spec.Mounts.Where(m => m != ledger), m => Assert.True(m.ReadOnly));

            Assert.Equal(
                [("grpc", node.Listen.Port), ("admin", node.Listen.AdminPort!.Value), ("operations", node.Listen.OperationsPort!.Value)],
                spec.Ports.Select(p => (p.Name, p.HostPort)));
            Assert.All(spec.Ports, p => Assert.Equal(p.HostPort, p.TargetPort));
            Assert.Equal(node.HostName, spec.NetworkAlias);
            Assert.Equal(["orderer", "start"], spec.Args);
            Assert.Equal(new HttpHealthCheck("operations", "/healthz"), spec.HealthCheck);
            Assert.Equal($"docker.io/hyperledger/fabric-orderer:{FabricContainerImageTags.FabricTag}", spec.ImageReference);
        }
    }

    [Fact]
    public void An_orderer_without_tls_is_rejected_with_the_node_name()
    {
        // Arrange
        var network = networks.Seed;
        var node = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("orderer")[0] with { TlsEnabled = false };

        // Act
        var error = Assert.Throws<FabricRuntimeException>(() => FabricContainerSpecs.Orderer(network.OutputDirectory, node));

        // Assert
        Assert.Contains(node.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_a_generated_network_is_rejected_with_its_path()
    {
        // Arrange
        var empty = Directory.CreateTempSubdirectory("ceiba-not-a-network-").FullName;
        var node = FabricNetworkFolder.Open(networks.Seed.OutputDirectory).Nodes("orderer")[0];

        try
        {
            // Act
            var error = Assert.Throws<FabricRuntimeException>(() => FabricContainerSpecs.Orderer(empty, node));

            // Assert
            Assert.Contains(empty, error.Message, StringComparison.Ordinal);
            Assert.Contains("nodes/", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void A_peer_config_is_not_accepted_as_an_orderer()
    {
        // Arrange
        var peer = FabricNetworkFolder.Open(networks.Seed.OutputDirectory).Nodes("peer")[0];

        // Act
        var error = Assert.Throws<ArgumentException>(() => FabricContainerSpecs.Orderer(networks.Seed.OutputDirectory, peer));

        // Assert
        Assert.Contains("'orderer'", error.Message, StringComparison.Ordinal);
    }
}
