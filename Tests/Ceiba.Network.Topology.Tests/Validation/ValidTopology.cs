using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ceiba.Network.Topology.Tests.Validation;

/// <summary>A small valid topology (two provinces, three Raft orderers) that tests break one rule at a time.</summary>
internal static class ValidTopology
{
    public const string Json = """
        {
          "name": "test",
          "domain": "ceiba.local",
          "orgs": [
            {
              "name": "Habana", "mspId": "HabanaMSP",
              "province": { "code": "03", "name": "La Habana" },
              "domain": "habana.ceiba.local",
              "peers": [ { "name": "peer0", "port": 10310, "chaincodePort": 10311, "operationsPort": 10312, "resources": { "cpus": 1.0, "memoryMb": 512 } } ],
              "ca": { "name": "ca", "port": 10300, "operationsPort": 10301 },
              "hospitals": [ { "id": "hab-ameijeiras", "name": "Hospital Clínico Quirúrgico Hermanos Ameijeiras", "beds": 450 } ]
            },
            {
              "name": "Santiago", "mspId": "SantiagoMSP",
              "province": { "code": "13", "name": "Santiago de Cuba" },
              "domain": "santiago.ceiba.local",
              "peers": [ { "name": "peer0", "port": 11310, "chaincodePort": 11311, "operationsPort": 11312 } ],
              "ca": { "name": "ca", "port": 11300, "operationsPort": 11301 },
              "hospitals": [ { "id": "scu-saturnino-lora", "name": "Hospital Provincial Clínico Quirúrgico Saturnino Lora", "beds": 450 } ]
            }
          ],
          "orderers": {
            "org": { "name": "Orderer", "mspId": "OrdererMSP", "domain": "orderer.ceiba.local" },
            "consensus": "raft",
            "nodes": [
              { "name": "orderer0", "port": 10010, "adminPort": 10011, "operationsPort": 10012, "site": "Habana" },
              { "name": "orderer1", "port": 10020, "adminPort": 10021, "operationsPort": 10022 },
              { "name": "orderer2", "port": 10030, "adminPort": 10031, "operationsPort": 10032, "site": "Santiago" }
            ],
            "batch": { "timeout": "2s", "maxMessageCount": 500, "absoluteMaxBytes": 10485760, "preferredMaxBytes": 2097152 },
            "raft": { "tickInterval": "500ms", "electionTick": 10, "heartbeatTick": 1, "maxInflightBlocks": 5, "snapshotIntervalSize": 16777216 }
          },
          "channels": [ { "name": "ehr", "orgs": ["Habana", "Santiago"] } ],
          "chaincodes": [
            {
              "name": "ehr", "channel": "ehr", "version": "1.0", "sequence": 1,
              "endorsementPolicy": "AND('HabanaMSP.peer', 'SantiagoMSP.peer')",
              "servers": [ { "org": "Habana", "port": 10390 }, { "org": "Santiago", "port": 11390 } ]
            }
          ],
          "links": {
            "default": { "latencyMs": 0, "jitterMs": 0 },
            "pairs": [ { "from": "Habana", "to": "Santiago", "latencyMs": 28, "jitterMs": 6 } ]
          }
        }
        """;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The valid topology after <paramref name="mutate"/>, as indented JSON.</summary>
    public static string With(Action<JsonObject> mutate)
    {
        var root = JsonNode.Parse(Json)!.AsObject();
        mutate(root);
        return root.ToJsonString(Indented);
    }

    public static JsonNode Org(this JsonObject t, int i) => t["orgs"]![i]!;

    public static JsonNode Peer(this JsonObject t, int org, int i) => t.Org(org)["peers"]![i]!;

    public static JsonNode Orderers(this JsonObject t) => t["orderers"]!;

    public static JsonNode Chaincode(this JsonObject t) => t["chaincodes"]![0]!;
}
