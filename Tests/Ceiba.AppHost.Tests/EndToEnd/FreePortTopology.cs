using System.Text.Json.Nodes;
using Ceiba.Network.Topology;
using Ceiba.Testing.Fabric;

namespace Ceiba.AppHost.Tests.EndToEnd;

/// <summary>
/// A shipped topology, unchanged except that every port is moved to a free loopback port, written as a file the
/// AppHost takes with <c>--topology &lt;path&gt;</c>. The shipped ports are fixed, and other runs on a shared machine use them.
/// </summary>
public static class FreePortTopology
{
    /// <summary>Writes <paramref name="name"/> with free ports to <paramref name="directory"/>/<paramref name="name"/>.json.</summary>
    public static string Write(string name, string directory)
    {
        var json = JsonNode.Parse(File.ReadAllText(BuiltInTopologies.GetPath(name)))!;
        var ports = new Queue<int>(FreePorts.Take(128));
        Replace(json, ports);
        var path = Path.Combine(directory, name + ".json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static void Replace(JsonNode? node, Queue<int> ports)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is JsonValue && (key == "port" || key.EndsWith("Port", StringComparison.Ordinal)))
                {
                    obj[key] = ports.Dequeue();
                }
                else
                {
                    Replace(value, ports);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Replace(item, ports);
            }
        }
    }
}
