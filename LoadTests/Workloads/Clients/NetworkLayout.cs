using System.Text.Json.Nodes;

namespace Ceiba.LoadTests.Workloads.Clients;

/// <summary>
/// What the workloads read from the output of <c>network generate</c>: the channel and chaincode (from
/// <c>topology.json</c>), and per org its peers, TLS CA and identities (from <c>connection-&lt;org&gt;.json</c> and its
/// <c>x-ceiba</c> extension). Each hospital becomes a client with its <c>doctor1</c> and <c>admin1</c> identities.
/// </summary>
internal sealed record NetworkLayout(string TopologyName, string Channel, string Chaincode, IReadOnlyList<OrgInfo> Orgs, IReadOnlyList<HospitalInfo> Hospitals)
{
    /// <summary>Reads the layout under <paramref name="networkDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or lacks a field; the message names the file and the field.</exception>
    public static NetworkLayout Load(string networkDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(networkDirectory);
        var root = Path.GetFullPath(networkDirectory);
        var topologyFile = Path.Combine(root, "topology.json");
        if (!File.Exists(topologyFile))
        {
            throw new InvalidDataException($"{topologyFile}: not found; the network directory must be the output of 'network generate'.");
        }

        var topology = ParseObject(topologyFile);
        var topologyName = topology["name"]?.GetValue<string>() ?? "network";
        var channel = (topology["channels"] as JsonArray)?.FirstOrDefault()?["name"]?.GetValue<string>()
            ?? throw Missing(topologyFile, "channels[0].name");
        var chaincode = (topology["chaincodes"] as JsonArray)?.FirstOrDefault()?["name"]?.GetValue<string>() ?? "ehr";

        var orgs = new List<OrgInfo>();
        var hospitals = new List<HospitalInfo>();
        foreach (var orgNode in topology["orgs"] as JsonArray ?? throw Missing(topologyFile, "orgs"))
        {
            var orgName = orgNode?["name"]?.GetValue<string>() ?? throw Missing(topologyFile, "orgs[].name");
            var profileFile = Path.Combine(root, $"connection-{orgName.ToLowerInvariant()}.json");
            var profile = ParseObject(profileFile);
            var identities = ReadIdentities(profileFile, profile);
            var org = ReadOrg(profileFile, profile, orgName, identities);
            orgs.Add(org);
            foreach (var hospitalNode in orgNode["hospitals"] as JsonArray ?? [])
            {
                var id = hospitalNode?["id"]?.GetValue<string>() ?? throw Missing(topologyFile, $"orgs[{orgName}].hospitals[].id");
                var name = hospitalNode["name"]?.GetValue<string>() ?? id;
                hospitals.Add(new HospitalInfo(id, name, org, Find(identities, profileFile, $"doctor1.{id}@"), Find(identities, profileFile, $"admin1.{id}@")));
            }
        }

        if (hospitals.Count == 0)
        {
            throw new InvalidDataException($"{topologyFile}: the topology has no hospitals, so the workload has no clients.");
        }

        return new NetworkLayout(topologyName, channel, chaincode, orgs, hospitals);
    }

    private static OrgInfo ReadOrg(string file, JsonObject profile, string orgName, IReadOnlyList<IdentityFiles> identities)
    {
        var org = profile["organizations"]?[orgName] ?? throw Missing(file, $"organizations.{orgName}");
        var mspId = org["mspid"]?.GetValue<string>() ?? throw Missing(file, $"organizations.{orgName}.mspid");
        var province = profile["x-ceiba"]?["province"] ?? throw Missing(file, "x-ceiba.province");
        var peers = new List<PeerEndpoint>();
        foreach (var host in (org["peers"] as JsonArray ?? throw Missing(file, $"organizations.{orgName}.peers")).Select(p => p!.GetValue<string>()))
        {
            var peer = profile["peers"]?[host] ?? throw Missing(file, $"peers.{host}");
            var url = peer["url"]?.GetValue<string>() ?? throw Missing(file, $"peers.{host}.url");
            var hostName = peer["grpcOptions"]?["hostnameOverride"]?.GetValue<string>() ?? host;
            peers.Add(new PeerEndpoint(hostName, new Uri(url), peer["tlsCACerts"]?["pem"]?.GetValue<string>()));
        }

        var orgAdmin = identities.FirstOrDefault(i => i.Name.StartsWith("Admin@", StringComparison.Ordinal)) ?? throw Missing(file, "x-ceiba.identities[Admin@...]");
        var domain = orgAdmin.Name["Admin@".Length..];
        return new OrgInfo(orgName, mspId, domain, province["code"]?.GetValue<string>() ?? throw Missing(file, "x-ceiba.province.code"),
            province["name"]?.GetValue<string>() ?? string.Empty, peers, orgAdmin);
    }

    private static List<IdentityFiles> ReadIdentities(string file, JsonObject profile) =>
        [.. (profile["x-ceiba"]?["identities"] as JsonArray ?? throw Missing(file, "x-ceiba.identities")).Select(i => new IdentityFiles(
            i?["name"]?.GetValue<string>() ?? throw Missing(file, "x-ceiba.identities[].name"),
            i["mspId"]?.GetValue<string>() ?? throw Missing(file, "x-ceiba.identities[].mspId"),
            i["certPath"]?.GetValue<string>() ?? throw Missing(file, "x-ceiba.identities[].certPath"),
            i["keyPath"]?.GetValue<string>() ?? throw Missing(file, "x-ceiba.identities[].keyPath")))];

    private static IdentityFiles Find(IReadOnlyList<IdentityFiles> identities, string file, string prefix) =>
        identities.FirstOrDefault(i => i.Name.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidDataException($"{file}: x-ceiba.identities has no '{prefix}...' identity; the hospital needs at least one doctor and one admin user.");

    private static JsonObject ParseObject(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidDataException($"{file}: not found; the network directory must be the output of 'network generate'.");
        }

        return JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new InvalidDataException($"{file}: expected a JSON object.");
    }

    private static InvalidDataException Missing(string file, string field) => new($"{file}: the field '{field}' is missing.");
}
