using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Benchmarks.OrdererLoad;

/// <summary>cuba-3 generated into a temp directory on free loopback ports with the benchmark's batch settings.</summary>
internal static class LoadNetwork
{
    public static (string Root, GenerationResult Result) Generate(int maxMessageCount, string batchTimeout, bool tls)
    {
        var scratch = Directory.CreateTempSubdirectory("ceiba-orderer-load-").FullName;
        var json = JsonNode.Parse(File.ReadAllText(BuiltInTopologies.GetPath(BuiltInTopologies.Cuba3)))!.AsObject();
        var ports = new Queue<int>(FreePorts(64));
        Rewrite(json, ports);
        json["orderers"]!["batch"] = new JsonObject
        {
            ["timeout"] = batchTimeout,
            ["maxMessageCount"] = maxMessageCount,
            ["absoluteMaxBytes"] = 10 * 1024 * 1024,
            ["preferredMaxBytes"] = 2 * 1024 * 1024,
        };
        var topology = Path.Combine(scratch, "topology.json");
        File.WriteAllText(topology, json.ToJsonString());
        var root = Path.Combine(scratch, "net");
        return (root, NetworkGenerator.Generate(topology, root, new GenerationOptions { TlsEnabled = tls }));
    }

    private static void Rewrite(JsonNode? node, Queue<int> ports)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (value is JsonValue && (name == "port" || name.EndsWith("Port", StringComparison.Ordinal)))
                {
                    obj[name] = ports.Dequeue();
                }
                else
                {
                    Rewrite(value, ports);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Rewrite(item, ports);
            }
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
