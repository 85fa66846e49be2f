using Ceiba.Network.Topology.Tests.Validation;

namespace Ceiba.Network.Topology.Tests;

public class NetworkTopologyTests
{
    private static readonly NetworkTopology Topology = TopologyLoader.Parse(ValidTopology.Json, "test.json");

    [Fact]
    public void Nodes_carry_host_names_addresses_and_resource_names()
    {
        // Arrange
        var topology = Topology;

        // Act
        var nodes = topology.GetNodes().ToDictionary(n => n.ResourceName);

        // Assert: 3 orderers, then per org its CA, peer and chaincode server.
        Assert.Equal(
            ["orderer0", "orderer1", "orderer2", "ca-habana", "peer0-habana", "ehr-cc-habana", "ca-santiago", "peer0-santiago", "ehr-cc-santiago"],
            nodes.Keys);
        var peer = nodes["peer0-habana"];
        Assert.Equal((NodeRole.Peer, "HabanaMSP", "peer0.habana.ceiba.local", 10310, (int?)10312), (peer.Role, peer.MspId, peer.HostName, peer.Port, peer.OperationsPort));
        Assert.Equal("peer0.habana.ceiba.local:10310", peer.Address);
        Assert.Equal("localhost:10310", peer.LocalAddress);
        Assert.Equal(1.0, peer.Resources!.Cpus);
        Assert.Equal(("orderer0.orderer.ceiba.local", "OrdererMSP"), (nodes["orderer0"].HostName, nodes["orderer0"].MspId));
        Assert.Equal("ca.santiago.ceiba.local", nodes["ca-santiago"].HostName);
        Assert.Equal(("ehr.santiago.ceiba.local", 11390, (int?)null), (nodes["ehr-cc-santiago"].HostName, nodes["ehr-cc-santiago"].Port, nodes["ehr-cc-santiago"].OperationsPort));
    }

    [Fact]
    public void Links_apply_in_both_directions_with_the_default_elsewhere()
    {
        // Arrange
        var topology = Topology with
        {
            Links = Topology.Links with { Default = new LinkProfile { LatencyMs = 3, JitterMs = 1 } },
        };

        // Act
        var there = topology.GetLink("Habana", "Santiago");
        var back = topology.GetLink("santiago", "HABANA");
        var toOrderers = topology.GetLink("Habana", "Orderer");
        var within = topology.GetLink("Habana", "Habana");

        // Assert
        Assert.Equal(new LinkProfile { LatencyMs = 28, JitterMs = 6 }, there);
        Assert.Equal(there, back);
        Assert.Equal(new LinkProfile { LatencyMs = 3, JitterMs = 1 }, toOrderers);
        Assert.Equal(new LinkProfile(), within);
    }

    [Fact]
    public void Lookups_find_orgs_channels_and_hospitals()
    {
        // Arrange
        var topology = Topology;

        // Act
        var byName = topology.FindOrg("SANTIAGO");
        var byMsp = topology.FindOrgByMspId("HabanaMSP");
        var hospital = topology.FindHospital("scu-saturnino-lora");
        var channelOrgs = topology.GetChannelOrgs(topology.FindChannel("ehr")!);

        // Assert
        Assert.Equal("SantiagoMSP", byName!.MspId);
        Assert.Equal("Habana", byMsp!.Name);
        Assert.Null(topology.FindOrgByMspId("habanamsp"));
        Assert.Equal(("Santiago", 450), (hospital!.Org.Name, hospital.Hospital.Beds));
        Assert.Null(topology.FindHospital("nowhere"));
        Assert.Equal(["HabanaMSP", "SantiagoMSP"], channelOrgs.Select(o => o.MspId));
        Assert.Equal("peer0.santiago.ceiba.local", byName.HostNameOf(byName.Peers[0]));
        Assert.Equal("ca.habana.ceiba.local", byMsp.CaHostName);
    }

    [Fact]
    public void Chaincode_label_defaults_to_name_and_version()
    {
        // Arrange
        var chaincode = Topology.Chaincodes[0];

        // Act
        var relabelled = chaincode with { Version = "2.1" };

        // Assert
        Assert.Equal("ehr_1.0", chaincode.Label);
        Assert.Equal("ehr_2.1", relabelled.Label);
        Assert.Equal("custom", (chaincode with { Label = "custom" }).Label);
    }

    [Fact]
    public void Cuban_provinces_are_the_sixteen_with_their_codes()
    {
        // Arrange
        var expected = new[] { "01", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "99" };

        // Act
        var codes = CubanProvinces.All.Select(p => p.Code).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(expected, codes);
        Assert.Equal("Isla de la Juventud", CubanProvinces.FindByCode("99")!.Name);
        Assert.Null(CubanProvinces.FindByCode("02"));
    }
}
