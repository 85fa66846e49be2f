using System.Text.Json.Nodes;
using Ceiba.Network.Topology;

namespace Ceiba.Testing.Fabric;

/// <summary>
/// A shipped topology, unchanged except that every port is moved to a free loopback port. The shipped ports are fixed,
/// and other runs on a shared machine use them.
/// </summary>
public static class FreePortTopology
{
    /// <summary>The shipped topology <paramref name="name"/> as JSON, every <c>port</c> and <c>*Port</c> field on a free port.</summary>
    public static JsonObject Load(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(BuiltInTopologies.GetPath(name)))!.AsObject();
        ReplacePorts(json, new Queue<int>(FreePorts.Take(128)));
        return json;
    }

    /// <summary>Writes <paramref name="name"/> with free ports to <paramref name="directory"/>/<paramref name="name"/>.json, for <c>--topology &lt;path&gt;</c>.</summary>
    public static string Write(string name, string directory)
    {
        var path = Path.Combine(directory, name + ".json");
        File.WriteAllText(path, Load(name).ToJsonString());
        return path;
    }

    private static void ReplacePorts(JsonNode? node, Queue<int> ports)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue && (name == "port" || name.EndsWith("Port", StringComparison.Ordinal)))
                    {
                        obj[name] = ports.Dequeue();
                    }
                    else
                    {
                        ReplacePorts(value, ports);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReplacePorts(item, ports);
                }

                break;
        }
    }
}
