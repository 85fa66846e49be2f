using System.Text.Json.Nodes;
using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Nodes;
using Ceiba.Testing;

namespace Ceiba.Network.Node.Tests.Generate;

public class NodeConfigAndProfileTests(GeneratedNetworkFixture network) : IClassFixture<GeneratedNetworkFixture>
{
    [Fact]
    public void Every_orderer_peer_and_ca_gets_a_config_whose_paths_exist()
    {
        // Arrange
        var topology = network.Topology;

        // Act
        var configs = Directory.GetFiles(network.Full("nodes"), "*.json").Select(NodeConfig.Load).ToList();

        // Assert
        Assert.Equal(topology.Orderers.Nodes.Count, configs.Count(c => c.Role == "orderer"));
        Assert.Equal(topology.Orgs.Sum(o => o.Peers.Count), configs.Count(c => c.Role == "peer"));
        Assert.Equal(topology.Orgs.Count, configs.Count(c => c.Role == "ca"));
        foreach (var config in configs)
        {
            Assert.True(Directory.Exists(network.Full(config.MspDirectory)), $"{config.Name}: {config.MspDirectory}");
            Assert.True(File.Exists(network.Full(Path.Combine(config.TlsDirectory, "server.key"))), $"{config.Name}: {config.TlsDirectory}");
            Assert.All(config.Channels, c => Assert.True(File.Exists(network.Full(c.GenesisBlock)), c.GenesisBlock));
            Assert.All(config.Orderers, o => Assert.True(File.Exists(network.Full(o.TlsCaCert)), o.TlsCaCert));
        }
    }

    [Fact]
    public void A_peer_config_names_its_ports_the_orderers_the_other_peers_and_its_orgs_chaincode_server()
    {
        // Arrange
        var org = network.Topology.Orgs[1];
        var peer = org.Peers[0];
        var chaincode = network.Topology.Chaincodes[0];
        var server = chaincode.Servers.Single(s => s.Org == org.Name);

        // Act
        var config = NodeConfig.Load(network.Full(OutputLayout.NodeConfig($"{peer.Name}-{org.Name}".ToLowerInvariant())));

        // Assert
        Assert.Equal(org.MspId, config.MspId);
        Assert.Equal(org.HostNameOf(peer), config.HostName);
        Assert.Equal(peer.Port, config.Listen.Port);
        Assert.Equal(peer.ChaincodePort, config.Listen.ChaincodePort);
        Assert.Equal(peer.OperationsPort, config.Listen.OperationsPort);
        Assert.Equal(["ehr"], config.Channels.Select(c => c.Name));
        Assert.Equal(network.Topology.Orderers.Nodes.Select(n => $"localhost:{n.Port}"), config.Orderers.Select(o => o.Address));
        Assert.Equal(2, config.Peers.Count);
        Assert.DoesNotContain(config.Peers, p => p.MspId == org.MspId);
        var definition = Assert.Single(config.Chaincodes);
        Assert.Equal($"localhost:{server.Port}", definition.Address);
        Assert.Equal("MAJORITY Endorsement", definition.EndorsementPolicy);
        Assert.Equal(peer.Resources, config.Resources);
    }

    [Fact]
    public void A_connection_profile_lists_the_orgs_peers_orderers_ca_and_hospital_identities()
    {
        // Arrange
        var org = network.Topology.Orgs[0];
        var peerHost = org.HostNameOf(org.Peers[0]);

        // Act (host names hold dots, so they are read with indexers rather than dotted paths)
        var profile = JsonNode.Parse(File.ReadAllText(network.Full(OutputLayout.ConnectionProfile(org.Name))))!;

        // Assert
        Assert.Equal(org.Name, profile.Str("client.organization"));
        Assert.Equal(org.MspId, profile.Str($"organizations.{org.Name}.mspid"));
        Assert.Equal($"grpcs://localhost:{org.Peers[0].Port}", profile["peers"]![peerHost]!.Str("url"));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", profile["peers"]![peerHost]!.Str("tlsCACerts.pem"), StringComparison.Ordinal);
        Assert.Equal(network.Topology.Orderers.Nodes.Count, profile.Count("channels.ehr.orderers"));
        Assert.True(File.Exists(profile.Str($"organizations.{org.Name}.signedCert.path")));
        Assert.Equal($"https://localhost:{org.Ca.Port}", profile["certificateAuthorities"]![org.CaHostName]!.Str("url"));

        var identities = profile.At("x-ceiba.identities").AsArray().Select(i => i!).ToList();
        var doctors = identities.Where(i => i["role"]?.GetValue<string>() == "doctor").ToList();
        Assert.Equal(org.Hospitals.Sum(h => h.Users.Doctors), doctors.Count);
        Assert.All(doctors, d => Assert.True(File.Exists(d.Str("keyPath")), d.Str("keyPath")));
        Assert.Equal(org.Hospitals.Select(h => h.Id).Order(), doctors.Select(d => d.Str("hospital")).Distinct().Order());
    }
}
