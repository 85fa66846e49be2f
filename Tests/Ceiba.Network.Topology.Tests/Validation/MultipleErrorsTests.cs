using System.Text.Json.Nodes;

namespace Ceiba.Network.Topology.Tests.Validation;

public class MultipleErrorsTests
{
    [Fact]
    public void Reports_every_broken_rule_at_once_in_file_order()
    {
        // Arrange: four unrelated faults; the port clash is found last internally but sits early in the file.
        var json = ValidTopology.With(t =>
        {
            t.Org(1)["province"]!["code"] = "00";
            t.Peer(1, 0)["port"] = 10310;
            t.Orderers()["batch"]!["timeout"] = "0s";
            t.Chaincode()["sequence"] = 0;
        });

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "cuba-3.json"));

        // Assert
        Assert.Equal(
            ["$.orgs[1].province.code", "$.orgs[1].peers[0].port", "$.orderers.batch.timeout", "$.chaincodes[0].sequence"],
            exception.Errors.Select(e => e.Path));
        Assert.Equal(exception.Errors.OrderBy(e => e.Line).Select(e => e.Path), exception.Errors.Select(e => e.Path));
        Assert.StartsWith("Topology cuba-3.json is not valid (4 errors):", exception.Message, StringComparison.Ordinal);
        Assert.Equal("cuba-3.json", exception.SourceName);
    }

    [Fact]
    public void Error_reads_as_file_path_value_expectation_and_line()
    {
        // Arrange
        var json = ValidTopology.With(t => t.Orderers()["batch"]!["timeout"] = "0s");
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("\"timeout\"", StringComparison.Ordinal)) + 1;

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "cuba-3.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal(
            $"cuba-3.json: $.orderers.batch.timeout: \"0s\" — expected a duration greater than 0, such as \"2s\" (line {line})",
            error.ToString());
        Assert.Contains(error.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_topologies_built_in_code()
    {
        // Arrange
        var valid = TopologyLoader.Parse(ValidTopology.Json, "test.json");
        var broken = valid with
        {
            Orderers = valid.Orderers with { Consensus = ConsensusType.Solo },
            Channels = [new ChannelDefinition { Name = "ehr", Orgs = [] }],
        };

        // Act
        var errors = TopologyLoader.Validate(broken, "built-in-code");

        // Assert
        Assert.Contains(errors, e => e.Path == "$.orderers.nodes" && e.Value == "3 nodes");
        Assert.Contains(errors, e => e.Path == "$.channels[0].orgs" && e.Value == "[]");
        Assert.All(errors, e => Assert.Null(e.Line));
        Assert.All(errors, e => Assert.Equal("built-in-code", e.Source));
    }

    [Fact]
    public void Omitted_optional_sections_take_fabric_defaults()
    {
        // Arrange: no description, domain, batch, raft, links, label, policy, users or CA name.
        var json = ValidTopology.With(t =>
        {
            t.Remove("domain");
            t.Remove("links");
            t.Orderers().AsObject().Remove("batch");
            t.Orderers().AsObject().Remove("raft");
            t.Orderers().AsObject().Remove("consensus");
            t.Org(0)["ca"]!.AsObject().Remove("name");
            t.Chaincode().AsObject().Remove("endorsementPolicy");
            t.Chaincode().AsObject().Remove("sequence");
        });

        // Act
        var topology = TopologyLoader.Parse(json, "test.json");

        // Assert
        var batch = topology.Orderers.Batch;
        Assert.Equal((TimeSpan.FromSeconds(2), 500, 10L * 1024 * 1024, 2L * 1024 * 1024),
            (batch.Timeout, batch.MaxMessageCount, batch.AbsoluteMaxBytes, batch.PreferredMaxBytes));
        var raft = topology.Orderers.Raft;
        Assert.Equal((TimeSpan.FromMilliseconds(500), 10, 1, 5, 16L * 1024 * 1024),
            (raft.TickInterval, raft.ElectionTick, raft.HeartbeatTick, raft.MaxInflightBlocks, raft.SnapshotIntervalSize));
        Assert.Equal(ConsensusType.Raft, topology.Orderers.Consensus);
        Assert.Equal("ceiba.local", topology.Domain);
        Assert.Equal("", topology.Description);
        Assert.Equal(new LinkProfile(), topology.Links.Default);
        Assert.Empty(topology.Links.Pairs);
        Assert.Equal("ca", topology.Orgs[0].Ca.Name);
        var chaincode = topology.Chaincodes[0];
        Assert.Equal(("MAJORITY Endorsement", 1L, "ehr_1.0"), (chaincode.EndorsementPolicy, chaincode.Sequence, chaincode.Label));
        Assert.Equal(new HospitalUsers { Admins = 1, Doctors = 2 }, topology.Orgs[0].Hospitals[0].Users);
    }

    [Fact]
    public void Serialize_writes_json_that_parses_back_the_same()
    {
        // Arrange
        var topology = TopologyLoader.Parse(ValidTopology.Json, "test.json");

        // Act
        var json = TopologyLoader.Serialize(topology);
        var reparsed = TopologyLoader.Parse(json, "roundtrip.json");

        // Assert: same content; consensus and durations in their file spelling.
        Assert.Equal(json, TopologyLoader.Serialize(reparsed));
        Assert.Contains("\"consensus\": \"raft\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeout\": \"2s\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tickInterval\": \"500ms\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"site\": null", json, StringComparison.Ordinal);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("AND('HabanaMSP.peer', 'SantiagoMSP.peer')", (string?)node["chaincodes"]![0]!["endorsementPolicy"]);
    }
}
