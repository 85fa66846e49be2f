using Ceiba.Network.Topology.Policies;

namespace Ceiba.Network.Topology.Tests;

using MspRole = Ceiba.Network.Msp.MspRole;

public class ShippedTopologiesTests
{
    [Fact]
    public void Seed_is_the_thesis_prototype()
    {
        // Arrange
        const string name = BuiltInTopologies.Seed;

        // Act
        var seed = BuiltInTopologies.Load(name);

        // Assert
        var org = Assert.Single(seed.Orgs);
        Assert.Equal(("Habana", "HabanaMSP", "03", "La Habana"), (org.Name, org.MspId, org.Province.Code, org.Province.Name));
        Assert.Single(org.Peers);
        Assert.Single(org.Hospitals);
        var orderer = Assert.Single(seed.Orderers.Nodes);
        Assert.Equal(ConsensusType.Raft, seed.Orderers.Consensus);
        Assert.Equal("orderer0.orderer.ceiba.local", seed.Orderers.HostNameOf(orderer));
        AssertFabricSampleBatch(seed);
        var channel = Assert.Single(seed.Channels);
        Assert.Equal("ehr", channel.Name);
        Assert.Equal(["Habana"], channel.Orgs);
        var chaincode = Assert.Single(seed.Chaincodes);
        Assert.Equal(("ehr", "ehr"), (chaincode.Name, chaincode.Channel));
        Assert.Equal(NOutOf.Or(new SignedBy("HabanaMSP", MspRole.Peer)), chaincode.GetEndorsementPolicy());
        Assert.Equal(4, seed.GetNodes().Count);
    }

    [Fact]
    public void Cuba3_has_three_provinces_with_two_hospitals_each_and_three_raft_orderers()
    {
        // Arrange
        const string name = BuiltInTopologies.Cuba3;

        // Act
        var cuba3 = BuiltInTopologies.Load(name);

        // Assert
        Assert.Equal(BuiltInTopologies.Default, cuba3.Name);
        Assert.Equal(["03", "05", "13"], cuba3.Orgs.Select(o => o.Province.Code));
        Assert.Equal(["La Habana", "Villa Clara", "Santiago de Cuba"], cuba3.Orgs.Select(o => o.Province.Name));
        Assert.All(cuba3.Orgs, o => Assert.Single(o.Peers));
        Assert.All(cuba3.Orgs, o => Assert.Equal(2, o.Hospitals.Count));
        Assert.Equal(ConsensusType.Raft, cuba3.Orderers.Consensus);
        Assert.Equal(3, cuba3.Orderers.Nodes.Count);
        Assert.DoesNotContain(cuba3.Orgs, o => o.MspId == cuba3.Orderers.Org.MspId);
        AssertFabricSampleBatch(cuba3);
        var channel = Assert.Single(cuba3.Channels);
        Assert.Equal(["Habana", "VillaClara", "Santiago"], channel.Orgs);
        var chaincode = Assert.Single(cuba3.Chaincodes);
        Assert.Equal(new ImplicitMetaPolicyExpression(ImplicitMetaRule.Majority, "Endorsement"), chaincode.GetEndorsementPolicy());
        Assert.Equal(3, chaincode.Servers.Count);
        Assert.Contains("estimates", cuba3.Description, StringComparison.Ordinal);
        Assert.Equal(3, cuba3.Links.Pairs.Count);
        Assert.True(cuba3.GetLink("Habana", "Santiago").LatencyMs > cuba3.GetLink("Habana", "VillaClara").LatencyMs);
    }

    [Fact]
    public void Cuba_national_has_every_province_five_orderers_and_about_152_hospitals()
    {
        // Arrange
        const string name = BuiltInTopologies.CubaNational;

        // Act
        var national = BuiltInTopologies.Load(name);

        // Assert
        Assert.Equal(16, national.Orgs.Count);
        Assert.Equal(
            CubanProvinces.All.Select(p => p.Code).Order(StringComparer.Ordinal),
            national.Orgs.Select(o => o.Province.Code).Order(StringComparer.Ordinal));
        Assert.All(national.Orgs, o => Assert.Single(o.Peers));
        Assert.All(national.Orgs, o => Assert.NotEmpty(o.Hospitals));
        Assert.Equal(5, national.Orderers.Nodes.Count);
        Assert.Equal(ConsensusType.Raft, national.Orderers.Consensus);
        var hospitals = national.GetHospitals();
        Assert.InRange(hospitals.Count, 148, 156);
        Assert.InRange(hospitals.Sum(h => h.Hospital.Beds), 36_718 * 0.95, 36_718 * 1.05);
        var habana = national.FindOrg("Habana")!;
        Assert.All(national.Orgs.Where(o => o != habana), o => Assert.True(o.Hospitals.Count < habana.Hospitals.Count));
        Assert.Single(national.FindOrg("IslaJuventud")!.Hospitals);
        Assert.Equal(16, Assert.Single(national.Channels).Orgs.Count);
        var chaincode = Assert.Single(national.Chaincodes);
        Assert.Equal("MAJORITY Endorsement", chaincode.EndorsementPolicy);
        Assert.Equal(16, chaincode.Servers.Count);
        Assert.Equal(16 * 15 / 2, national.Links.Pairs.Count);
    }

    [Theory]
    [InlineData(BuiltInTopologies.Seed)]
    [InlineData(BuiltInTopologies.Cuba3)]
    [InlineData(BuiltInTopologies.CubaNational)]
    public void Every_node_has_its_own_ports_and_host_name_following_the_port_scheme(string name)
    {
        // Arrange
        var topology = BuiltInTopologies.Load(name);

        // Act
        var nodes = topology.GetNodes();
        var ports = nodes.SelectMany(n => n.OperationsPort is { } ops ? [n.Port, ops] : new[] { n.Port }).ToList();

        // Assert: unique, and inside the owner's block 10000 + 100 x province code (00 for the orderer org).
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.Equal(nodes.Count, nodes.Select(n => n.HostName).Distinct().Count());
        Assert.Equal(nodes.Count, nodes.Select(n => n.ResourceName).Distinct().Count());
        foreach (var node in nodes)
        {
            var code = topology.FindOrg(node.OrgName)?.Province.Code ?? "00";
            Assert.Equal(10000 + (100 * int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)), node.Port / 100 * 100);
        }
    }

    [Theory]
    [InlineData(BuiltInTopologies.Seed)]
    [InlineData(BuiltInTopologies.Cuba3)]
    [InlineData(BuiltInTopologies.CubaNational)]
    public void Shipped_files_survive_a_serialize_round_trip(string name)
    {
        // Arrange
        var topology = BuiltInTopologies.Load(name);

        // Act
        var json = TopologyLoader.Serialize(topology);
        var reparsed = TopologyLoader.Parse(json, name + ".json");

        // Assert
        Assert.Equal(json, TopologyLoader.Serialize(reparsed));
        Assert.Equal(topology.GetNodes(), reparsed.GetNodes());
    }

    private static void AssertFabricSampleBatch(NetworkTopology topology)
    {
        var batch = topology.Orderers.Batch;
        Assert.Equal((TimeSpan.FromSeconds(2), 500, 10_485_760L, 2_097_152L),
            (batch.Timeout, batch.MaxMessageCount, batch.AbsoluteMaxBytes, batch.PreferredMaxBytes));
    }
}
