using System.Text.Json.Nodes;

namespace Ceiba.Network.Topology.Tests.Validation;

public class SemanticValidationTests
{
    /// <summary>One broken rule: how to break the valid topology, and the error that must name it.</summary>
    public sealed record BadCase(Action<JsonObject> Break, string Path, string Value, string Expected, int Count = 1);

    private static readonly Dictionary<string, BadCase> Cases = new()
    {
        // Orderers
        ["zero orderers"] = new(t => t.Orderers()["nodes"] = new JsonArray(), "$.orderers.nodes", "[]", "at least one orderer node"),
        ["solo with three nodes"] = new(t => t.Orderers()["consensus"] = "solo", "$.orderers.nodes", "3 nodes", "exactly 1 node for \"solo\" consensus"),
        ["duplicate orderer name"] = new(t => t.Orderers()["nodes"]![1]!["name"] = "orderer0", "$.orderers.nodes[1].name", "\"orderer0\"", "an orderer node name not used before; $.orderers.nodes[0].name already has it"),
        ["unknown orderer site"] = new(t => t.Orderers()["nodes"]![0]!["site"] = "Camaguey", "$.orderers.nodes[0].site", "\"Camaguey\"", "the name of a peer organization: Habana, Santiago"),
        ["batch timeout zero"] = new(t => t.Orderers()["batch"]!["timeout"] = "0s", "$.orderers.batch.timeout", "\"0s\"", "a duration greater than 0, such as \"2s\""),
        ["batch timeout negative"] = new(t => t.Orderers()["batch"]!["timeout"] = "-1s", "$.orderers.batch.timeout", "\"-1s\"", "a duration greater than 0"),
        ["max message count zero"] = new(t => t.Orderers()["batch"]!["maxMessageCount"] = 0, "$.orderers.batch.maxMessageCount", "0", "a message count greater than 0"),
        ["absolute max bytes zero"] = new(t => t.Orderers()["batch"]!["absoluteMaxBytes"] = 0, "$.orderers.batch.absoluteMaxBytes", "0", "a size in bytes greater than 0 and at most 4294967295"),
        ["absolute max bytes over uint32"] = new(t => t.Orderers()["batch"]!["absoluteMaxBytes"] = 4294967296L, "$.orderers.batch.absoluteMaxBytes", "4294967296", "at most 4294967295"),
        ["preferred above absolute"] = new(t => t.Orderers()["batch"]!["preferredMaxBytes"] = 10485761, "$.orderers.batch.preferredMaxBytes", "10485761", "a size no larger than absoluteMaxBytes (10485760)"),
        ["preferred zero"] = new(t => t.Orderers()["batch"]!["preferredMaxBytes"] = 0, "$.orderers.batch.preferredMaxBytes", "0", "a size in bytes greater than 0"),
        ["raft tick zero"] = new(t => t.Orderers()["raft"]!["tickInterval"] = "0ms", "$.orderers.raft.tickInterval", "\"0s\"", "a duration greater than 0, such as \"500ms\""),
        ["raft election not above heartbeat"] = new(t => t.Orderers()["raft"]!["electionTick"] = 1, "$.orderers.raft.electionTick", "1", "a tick count greater than heartbeatTick (1)"),
        ["raft heartbeat zero"] = new(t => t.Orderers()["raft"]!["heartbeatTick"] = 0, "$.orderers.raft.heartbeatTick", "0", "a tick count of at least 1"),
        ["raft inflight zero"] = new(t => t.Orderers()["raft"]!["maxInflightBlocks"] = 0, "$.orderers.raft.maxInflightBlocks", "0", "a block count of at least 1"),
        ["raft snapshot zero"] = new(t => t.Orderers()["raft"]!["snapshotIntervalSize"] = 0, "$.orderers.raft.snapshotIntervalSize", "0", "a size in bytes greater than 0"),

        // Organizations
        ["no orgs"] = new(t => { t["orgs"] = new JsonArray(); t["channels"]![0]!["orgs"] = new JsonArray("Habana"); t["chaincodes"] = new JsonArray(); t["links"] = new JsonObject(); t.Orderers()["nodes"]![0]!.AsObject().Remove("site"); t.Orderers()["nodes"]![2]!.AsObject().Remove("site"); }, "$.orgs", "[]", "at least one peer organization", 2),
        ["org with no peers"] = new(t => t.Org(1)["peers"] = new JsonArray(), "$.orgs[1].peers", "[]", "at least one peer"),
        ["duplicate org name"] = new(t => t.Org(1)["name"] = "habana", "$.orgs[1].name", "\"habana\"", "an organization name not used before; $.orgs[0].name already has it", 6),
        ["org named like the orderer org"] = new(t => t.Orderers()["org"]!["name"] = "Santiago", "$.orderers.org.name", "\"Santiago\"", "an organization name not used before; $.orgs[1].name already has it"),
        ["duplicate msp id"] = new(t => t.Org(1)["mspId"] = "HabanaMSP", "$.orgs[1].mspId", "\"HabanaMSP\"", "an MSP ID not used before; $.orgs[0].mspId already has it", 2),
        ["msp id with a space"] = new(t => t.Org(1)["mspId"] = "Santiago MSP", "$.orgs[1].mspId", "\"Santiago MSP\"", "an MSP ID of letters, digits, '.' and '-'", 2),
        ["duplicate domain"] = new(t => t.Org(1)["domain"] = "habana.ceiba.local", "$.orgs[1].domain", "\"habana.ceiba.local\"", "a domain not used before; $.orgs[0].domain already has it"),
        ["bad domain"] = new(t => t.Org(0)["domain"] = "habana..local", "$.orgs[0].domain", "\"habana..local\"", "a DNS domain such as"),
        ["org name not a dns label"] = new(t => t.Org(0)["name"] = "La Habana", "$.orgs[0].name", "\"La Habana\"", "a DNS label", 6),
        ["topology name not a dns label"] = new(t => t["name"] = "cuba_3", "$.name", "\"cuba_3\"", "a DNS label: 1–63 letters, digits or '-'"),
        ["peer name not a dns label"] = new(t => t.Peer(0, 0)["name"] = "peer_0", "$.orgs[0].peers[0].name", "\"peer_0\"", "a DNS label"),
        ["ca name ending with a dash"] = new(t => t.Org(0)["ca"]!["name"] = "ca-", "$.orgs[0].ca.name", "\"ca-\"", "a DNS label"),
        ["duplicate peer name in an org"] = new(t => t.Org(0)["peers"]!.AsArray().Add(new JsonObject { ["name"] = "PEER0", ["port"] = 10320, ["chaincodePort"] = 10321, ["operationsPort"] = 10322 }), "$.orgs[0].peers[1].name", "\"PEER0\"", "a peer name within the organization not used before; $.orgs[0].peers[0].name already has it"),
        ["unknown province code"] = new(t => t.Org(1)["province"]!["code"] = "02", "$.orgs[1].province.code", "\"02\"", "a Cuban province code: one of 01, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 14, 15, 16, 99"),
        ["province name not matching code"] = new(t => t.Org(1)["province"]!["name"] = "Santiago", "$.orgs[1].province.name", "\"Santiago\"", "\"Santiago de Cuba\", the name of province 13"),
        ["duplicate hospital id across orgs"] = new(t => t.Org(1)["hospitals"]![0]!["id"] = "hab-ameijeiras", "$.orgs[1].hospitals[0].id", "\"hab-ameijeiras\"", "a hospital id unique across the topology (it becomes a certificate attribute) not used before; $.orgs[0].hospitals[0].id already has it"),
        ["hospital id in upper case"] = new(t => t.Org(0)["hospitals"]![0]!["id"] = "HAB-1", "$.orgs[0].hospitals[0].id", "\"HAB-1\"", "a lower-case DNS label"),
        ["hospital without beds"] = new(t => t.Org(0)["hospitals"]![0]!["beds"] = 0, "$.orgs[0].hospitals[0].beds", "0", "a number of beds greater than 0"),
        ["hospital with blank name"] = new(t => t.Org(0)["hospitals"]![0]!["name"] = " ", "$.orgs[0].hospitals[0].name", "\" \"", "the hospital's name"),
        ["negative doctors"] = new(t => t.Org(0)["hospitals"]![0]!["users"] = new JsonObject { ["doctors"] = -1 }, "$.orgs[0].hospitals[0].users.doctors", "-1", "a number of doctors, 0 or more"),
        ["zero cpus"] = new(t => t.Peer(0, 0)["resources"]!["cpus"] = 0, "$.orgs[0].peers[0].resources.cpus", "0", "a number of CPU cores greater than 0"),
        ["negative memory"] = new(t => t.Peer(0, 0)["resources"]!["memoryMb"] = -1, "$.orgs[0].peers[0].resources.memoryMb", "-1", "a memory limit in MiB greater than 0"),

        // Ports
        ["duplicate port across orgs"] = new(t => t.Peer(1, 0)["port"] = 10310, "$.orgs[1].peers[0].port", "10310", "a port no other node uses (all nodes share one host); $.orgs[0].peers[0].port already uses it"),
        ["duplicate port within a node"] = new(t => t.Peer(0, 0)["operationsPort"] = 10310, "$.orgs[0].peers[0].operationsPort", "10310", "$.orgs[0].peers[0].port already uses it"),
        ["ca named like a peer"] = new(t => t.Org(0)["ca"]!["name"] = "peer0", "$.orgs[0].ca.name", "\"peer0.habana.ceiba.local\"", "a host name no other node has; $.orgs[0].peers[0].name already makes it"),
        ["chaincode named like a peer"] = new(t => { t.Chaincode()["name"] = "peer0"; }, "$.chaincodes[0].servers[0].org", "\"peer0.habana.ceiba.local\"", "a host name no other node has; $.orgs[0].peers[0].name already makes it", 2),
        ["orderer port used by a chaincode server"] = new(t => t.Chaincode()["servers"]![1]!["port"] = 10010, "$.chaincodes[0].servers[1].port", "10010", "$.orderers.nodes[0].port already uses it"),
        ["port zero"] = new(t => t.Org(0)["ca"]!["port"] = 0, "$.orgs[0].ca.port", "0", "a port from 1 to 65535"),
        ["port above 65535"] = new(t => t.Orderers()["nodes"]![2]!["adminPort"] = 70000, "$.orderers.nodes[2].adminPort", "70000", "a port from 1 to 65535"),

        // Channels
        ["channel with no orgs"] = new(t => t["channels"]![0]!["orgs"] = new JsonArray(), "$.channels[0].orgs", "[]", "at least one member organization"),
        ["unknown org in channel"] = new(t => t["channels"]![0]!["orgs"]!.AsArray().Add("Camaguey"), "$.channels[0].orgs[2]", "\"Camaguey\"", "the name of a peer organization in $.orgs: Habana, Santiago"),
        ["orderer org in channel"] = new(t => t["channels"]![0]!["orgs"]!.AsArray().Add("Orderer"), "$.channels[0].orgs[2]", "\"Orderer\"", "(the orderer organization cannot be a member)"),
        ["org twice in channel"] = new(t => t["channels"]![0]!["orgs"]!.AsArray().Add("Habana"), "$.channels[0].orgs[2]", "\"Habana\"", "a member organization not used before"),
        ["channel name in upper case"] = new(t => { t["channels"]![0]!["name"] = "EHR"; t.Chaincode()["channel"] = "EHR"; }, "$.channels[0].name", "\"EHR\"", "a channel name as Fabric requires"),
        ["no channels"] = new(t => { t["channels"] = new JsonArray(); t["chaincodes"] = new JsonArray(); }, "$.channels", "[]", "at least one channel"),

        // Chaincodes
        ["chaincode on unknown channel"] = new(t => t.Chaincode()["channel"] = "records", "$.chaincodes[0].channel", "\"records\"", "the name of a channel in $.channels: \"ehr\""),
        ["sequence zero"] = new(t => t.Chaincode()["sequence"] = 0, "$.chaincodes[0].sequence", "0", "a sequence number of at least 1"),
        ["chaincode name with underscore"] = new(t => t.Chaincode()["name"] = "ehr_cc", "$.chaincodes[0].name", "\"ehr_cc\"", "a chaincode name that is a DNS label"),
        ["bad version"] = new(t => t.Chaincode()["version"] = "1 0", "$.chaincodes[0].version", "\"1 0\"", "a version of letters, digits"),
        ["bad label"] = new(t => t.Chaincode()["label"] = "_ehr", "$.chaincodes[0].label", "\"_ehr\"", "a package label that starts with a letter or digit"),
        ["unknown org in chaincode server"] = new(t => t.Chaincode()["servers"]![1]!["org"] = "Camaguey", "$.chaincodes[0].servers[1].org", "\"Camaguey\"", "the name of a peer organization in $.orgs: Habana, Santiago"),
        ["server org not on the channel"] = new(t => { t["channels"]![0]!["orgs"] = new JsonArray("Habana"); t.Chaincode()["endorsementPolicy"] = "OR('HabanaMSP.peer')"; }, "$.chaincodes[0].servers[1].org", "\"Santiago\"", "a member of channel \"ehr\": Habana"),
        ["two servers for one org"] = new(t => t.Chaincode()["servers"]![1]!["org"] = "Habana", "$.chaincodes[0].servers[1].org", "\"Habana\"", "an organization with one server for this chaincode not used before"),
        ["no chaincode servers"] = new(t => t.Chaincode()["servers"] = new JsonArray(), "$.chaincodes[0].servers", "[]", "at least one chaincode server"),
        ["unknown msp in policy"] = new(t => t.Chaincode()["endorsementPolicy"] = "AND('HabanaMSP.peer', 'CamagueyMSP.peer')", "$.chaincodes[0].endorsementPolicy", "'CamagueyMSP.peer'", "the MSP ID of an organization on channel \"ehr\": HabanaMSP, SantiagoMSP"),
        ["orderer msp in policy"] = new(t => t.Chaincode()["endorsementPolicy"] = "OR('OrdererMSP.orderer')", "$.chaincodes[0].endorsementPolicy", "'OrdererMSP.orderer'", "the MSP ID of an organization on channel \"ehr\""),
        ["policy syntax"] = new(t => t.Chaincode()["endorsementPolicy"] = "AND('HabanaMSP.peer'", "$.chaincodes[0].endorsementPolicy", "\"AND('HabanaMSP.peer'\"", "')' at position 20 (Fabric policy syntax)"),
        ["policy never satisfiable"] = new(t => t.Chaincode()["endorsementPolicy"] = "OutOf(3, 'HabanaMSP.peer', 'SantiagoMSP.peer')", "$.chaincodes[0].endorsementPolicy", "\"OutOf(3, 'HabanaMSP.peer', 'SantiagoMSP.peer')\"", "OutOf counts from 1 to the number of policies; OutOf(3, 'HabanaMSP.peer', 'SantiagoMSP.peer') can never be met"),
        ["policy met without signatures"] = new(t => t.Chaincode()["endorsementPolicy"] = "OR('HabanaMSP.peer', OutOf(0, 'SantiagoMSP.peer'))", "$.chaincodes[0].endorsementPolicy", "\"OR('HabanaMSP.peer', OutOf(0, 'SantiagoMSP.peer'))\"", "OutOf(0, 'SantiagoMSP.peer') is met without any signature"),
        ["implicit meta on unknown sub-policy"] = new(t => t.Chaincode()["endorsementPolicy"] = "MAJORITY Lifecycle", "$.chaincodes[0].endorsementPolicy", "\"MAJORITY Lifecycle\"", "a sub-policy every org defines: Admins, Endorsement, Readers, Writers"),
        ["duplicate chaincode name"] = new(t => t["chaincodes"]!.AsArray().Add(new JsonObject { ["name"] = "EHR", ["channel"] = "ehr", ["version"] = "2.0", ["servers"] = new JsonArray(new JsonObject { ["org"] = "Habana", ["port"] = 10391 }) }), "$.chaincodes[1].name", "\"EHR\"", "a chaincode name (it names the servers' hosts) not used before"),

        // Links
        ["unknown org in link"] = new(t => t["links"]!["pairs"]![0]!["to"] = "Camaguey", "$.links.pairs[0].to", "\"Camaguey\"", "the name of an organization: Habana, Santiago, Orderer"),
        ["link to itself"] = new(t => t["links"]!["pairs"]![0]!["to"] = "Habana", "$.links.pairs[0].to", "\"Habana\"", "an organization other than \"from\""),
        ["negative latency"] = new(t => t["links"]!["pairs"]![0]!["latencyMs"] = -5, "$.links.pairs[0].latencyMs", "-5", "a latency in milliseconds, 0 or more"),
        ["negative default jitter"] = new(t => t["links"]!["default"]!["jitterMs"] = -1, "$.links.default.jitterMs", "-1", "a jitter in milliseconds, 0 or more"),
        ["same pair twice, reversed"] = new(t => t["links"]!["pairs"]!.AsArray().Add(new JsonObject { ["from"] = "Santiago", ["to"] = "Habana", ["latencyMs"] = 30 }), "$.links.pairs[1]", "\"Santiago\" ↔ \"Habana\"", "one link per pair of organizations; $.links.pairs[0] already joins them"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void The_valid_topology_is_valid()
    {
        // Arrange
        var json = ValidTopology.With(_ => { });

        // Act
        var topology = TopologyLoader.Parse(json, "test.json");

        // Assert
        Assert.Equal("test", topology.Name);
        Assert.Empty(TopologyLoader.Validate(topology));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_the_broken_rule_with_path_value_and_expectation(string caseName)
    {
        // Arrange
        var bad = Cases[caseName];
        var json = ValidTopology.With(bad.Break);

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "test.json"));

        // Assert
        var error = Assert.Single(exception.Errors, e => e.Path == bad.Path && e.Value == bad.Value);
        Assert.Contains(bad.Expected, error.Expected, StringComparison.Ordinal);
        Assert.Equal("test.json", error.Source);
        Assert.NotNull(error.Line);
        Assert.True(bad.Count == exception.Errors.Count, $"expected {bad.Count} error(s), got:{Environment.NewLine}{exception.Message}");
    }
}
