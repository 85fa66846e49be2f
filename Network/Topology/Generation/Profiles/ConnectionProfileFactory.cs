using System.Text.Json.Nodes;
using Ceiba.Network.Msp;
using Ceiba.Network.Topology.Generation.Crypto;

namespace Ceiba.Network.Topology.Generation.Profiles;

/// <summary>
/// Builds a Fabric common connection profile for one org (the format Caliper and the official SDKs read):
/// its peers, the orderers, its CA, TLS CA certificates and the paths of its identities. Ceiba's own
/// identity list, with each hospital user's role and hospital, sits under the <c>x-ceiba</c> extension key.
/// </summary>
public static class ConnectionProfileFactory
{
    public static JsonObject Create(NetworkTopology topology, Organization org, IReadOnlyDictionary<string, OrgCrypto> crypto, OutputLayout layout, bool tlsEnabled)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(layout);

        var orgCrypto = crypto[org.MspId];
        var ordererCrypto = crypto[topology.Orderers.Org.MspId];
        var scheme = tlsEnabled ? "grpcs" : "grpc";
        var peerHosts = org.Peers.Select(org.HostNameOf).ToList();
        var ordererHosts = topology.Orderers.Nodes.Select(topology.Orderers.HostNameOf).ToList();
        var admin = orgCrypto.Identities[TopologyIdentities.AdminName(org.Domain)];

        var peers = new JsonObject();
        foreach (var peer in org.Peers)
        {
            peers[org.HostNameOf(peer)] = Endpoint($"{scheme}://localhost:{peer.Port}", org.HostNameOf(peer), Read(layout, orgCrypto.TlsCaCertFile));
        }
        var orderers = new JsonObject();
        foreach (var node in topology.Orderers.Nodes)
        {
            var host = topology.Orderers.HostNameOf(node);
            orderers[host] = Endpoint($"{scheme}://localhost:{node.Port}", host, Read(layout, ordererCrypto.TlsCaCertFile));
        }

        var channels = new JsonObject();
        foreach (var channel in topology.Channels.Where(c => c.Orgs.Contains(org.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var channelPeers = new JsonObject();
            foreach (var host in peerHosts)
            {
                channelPeers[host] = new JsonObject { ["endorsingPeer"] = true, ["chaincodeQuery"] = true, ["ledgerQuery"] = true, ["eventSource"] = true };
            }
            channels[channel.Name] = new JsonObject { ["orderers"] = Strings(ordererHosts), ["peers"] = channelPeers };
        }

        return new JsonObject
        {
            ["name"] = $"{topology.Name}-{org.Name.ToLowerInvariant()}",
            ["version"] = "1.0.0",
            ["client"] = new JsonObject
            {
                ["organization"] = org.Name,
                ["connection"] = new JsonObject { ["timeout"] = new JsonObject { ["peer"] = new JsonObject { ["endorser"] = "300" }, ["orderer"] = "300" } },
            },
            ["channels"] = channels,
            ["organizations"] = new JsonObject
            {
                [org.Name] = new JsonObject
                {
                    ["mspid"] = org.MspId,
                    ["peers"] = Strings(peerHosts),
                    ["certificateAuthorities"] = Strings([org.CaHostName]),
                    ["adminPrivateKey"] = new JsonObject { ["path"] = layout.Full(admin.PrivateKey) },
                    ["signedCert"] = new JsonObject { ["path"] = layout.Full(admin.SignCert) },
                },
            },
            ["orderers"] = orderers,
            ["peers"] = peers,
            ["certificateAuthorities"] = new JsonObject
            {
                [org.CaHostName] = new JsonObject
                {
                    ["url"] = $"{(tlsEnabled ? "https" : "http")}://localhost:{org.Ca.Port}",
                    ["caName"] = $"{org.Ca.Name}-{org.Name.ToLowerInvariant()}",
                    ["tlsCACerts"] = new JsonObject { ["pem"] = Strings([Read(layout, orgCrypto.TlsCaCertFile)]) },
                    ["httpOptions"] = new JsonObject { ["verify"] = false },
                },
            },
            ["x-ceiba"] = new JsonObject
            {
                ["topology"] = topology.Name,
                ["province"] = new JsonObject { ["code"] = org.Province.Code, ["name"] = org.Province.Name },
                ["identities"] = new JsonArray([.. orgCrypto.Identities.Values.Where(i => !i.Spec.IsNode).Select(i => Identity(i, org.MspId, layout))]),
            },
        };
    }

    private static JsonObject Endpoint(string url, string hostName, string tlsCaPem) => new()
    {
        ["url"] = url,
        ["tlsCACerts"] = new JsonObject { ["pem"] = tlsCaPem },
        ["grpcOptions"] = new JsonObject { ["ssl-target-name-override"] = hostName, ["hostnameOverride"] = hostName },
    };

    private static JsonObject Identity(IdentityPaths identity, string mspId, OutputLayout layout) => new()
    {
        ["name"] = identity.Spec.Name,
        ["mspId"] = mspId,
        ["nodeOU"] = identity.Spec.Role.ToOUName(),
        ["role"] = identity.Spec.AppRole,
        ["hospital"] = identity.Spec.Hospital,
        ["mspPath"] = layout.Full(identity.MspDirectory),
        ["certPath"] = layout.Full(identity.SignCert),
        ["keyPath"] = layout.Full(identity.PrivateKey),
        ["tlsCertPath"] = layout.Full(identity.TlsCert),
        ["tlsKeyPath"] = layout.Full(identity.TlsKey),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static string Read(OutputLayout layout, string relative) => File.ReadAllText(layout.Full(relative));
}
