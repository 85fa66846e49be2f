using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Fabric;

/// <summary>
/// Reads a <c>network generate</c> output root: <c>topology.json</c> for orgs, hospitals and channels, and each org's
/// <c>connection-&lt;org&gt;.json</c> for its peers (URL, TLS CA, host name override) and its hospital identities.
/// </summary>
public static class NetworkMaterialLoader
{
    /// <summary>Loads the material under <paramref name="root"/>.</summary>
    /// <exception cref="NetworkMaterialException">A file is missing or lacks a field.</exception>
    public static NetworkMaterial Load(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        root = Path.GetFullPath(root);
        var topologyFile = Path.Combine(root, "topology.json");
        var topology = ReadJson(topologyFile);
        var channels = Array(topology, "channels", topologyFile).Select(c => Text(c, "name", topologyFile)).ToList();
        if (channels.Count == 0)
        {
            throw new NetworkMaterialException($"{topologyFile}: 'channels' is empty; the API needs at least one channel.");
        }

        var orgs = Array(topology, "orgs", topologyFile).Select(org => LoadOrg(root, org!, topologyFile)).ToList();
        return new NetworkMaterial(root, channels, orgs);
    }

    private static OrgMaterial LoadOrg(string root, JsonNode org, string topologyFile)
    {
        var name = Text(org, "name", topologyFile);
        var province = org["province"] ?? throw Missing(topologyFile, $"orgs[{name}].province");
        var hospitals = Array(org, "hospitals", topologyFile).Select(h => Text(h, "id", topologyFile)).ToList();
        var profileFile = Path.Combine(root, $"connection-{name.ToLowerInvariant()}.json");
        var profile = ReadJson(profileFile);
        var peerNames = Array(profile["organizations"]?[name] ?? throw Missing(profileFile, $"organizations.{name}"), "peers", profileFile)
            .Select(p => p!.GetValue<string>());
        var peers = peerNames.Select(peer => Peer(profile, peer, profileFile)).ToList();
        var identities = Array(profile["x-ceiba"] ?? throw Missing(profileFile, "x-ceiba"), "identities", profileFile)
            .Where(i => i?["role"] is not null && i["hospital"] is not null)
            .Select(i => new HospitalIdentity(
                Text(i, "name", profileFile),
                Text(i, "mspId", profileFile),
                Text(i, "role", profileFile),
                Text(i, "hospital", profileFile),
                Rebase(root, Text(i, "mspPath", profileFile))))
            .ToList();
        return new OrgMaterial(name, Text(org, "mspId", topologyFile), Text(province, "code", topologyFile), peers, hospitals, identities);
    }

    private static PeerEndpoint Peer(JsonNode profile, string peer, string profileFile)
    {
        var node = profile["peers"]?[peer] ?? throw Missing(profileFile, $"peers.{peer}");
        var url = new Uri(Text(node, "url", profileFile));
        var tls = url.Scheme is "grpcs" or "https";
        var hostName = node["grpcOptions"]?["ssl-target-name-override"]?.GetValue<string>() ?? peer;
        var pem = tls ? node["tlsCACerts"]?["pem"]?.GetValue<string>() ?? throw Missing(profileFile, $"peers.{peer}.tlsCACerts.pem") : null;
        return new PeerEndpoint($"{url.Host}:{url.Port}", hostName, pem);
    }

    /// <summary>
    /// Profiles hold absolute paths from generation time. The same path under <c>organizations/</c> of the root being
    /// read wins when it exists, so a moved or copied output root (a container mount) uses its own material.
    /// </summary>
    private static string Rebase(string root, string path)
    {
        var marker = $"{Path.DirectorySeparatorChar}organizations{Path.DirectorySeparatorChar}";
        var at = path.LastIndexOf(marker, StringComparison.Ordinal);
        var local = at < 0 ? null : Path.Combine(root, path[(at + 1)..]);
        return local is not null && Directory.Exists(local) ? local : path;
    }

    private static JsonNode ReadJson(string file)
    {
        if (!File.Exists(file))
        {
            throw new NetworkMaterialException($"{file} does not exist; point Ceiba:Network:Directory at the output root of 'network generate'.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) ?? throw new NetworkMaterialException($"{file} is empty.");
        }
        catch (JsonException error)
        {
            throw new NetworkMaterialException($"{file} is not valid JSON: {error.Message}", error);
        }
    }

    private static JsonArray Array(JsonNode? node, string property, string file) =>
        node?[property] as JsonArray ?? throw Missing(file, property);

    private static string Text(JsonNode? node, string property, string file) =>
        node?[property]?.GetValue<string>() is { Length: > 0 } value ? value : throw Missing(file, property);

    private static NetworkMaterialException Missing(string file, string property) =>
        new($"{file}: '{property}' is missing or empty.");
}
