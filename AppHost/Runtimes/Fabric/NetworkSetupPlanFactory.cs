using System.Globalization;
using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Crypto;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>Builds the <see cref="NetworkSetupPlan"/> of a generated network, checking that every file it names exists.</summary>
public static class NetworkSetupPlanFactory
{
    /// <param name="network">The generated network folder.</param>
    /// <param name="topology">The topology it was generated from.</param>
    /// <param name="packages">The CCaaS packages written by <see cref="CcaasPackages.Write"/>.</param>
    /// <exception cref="FabricRuntimeException">A node, block, MSP or TLS file is missing.</exception>
    public static NetworkSetupPlan Create(FabricNetworkFolder network, NetworkTopology topology, IReadOnlyList<CcaasPackageFile> packages)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(packages);

        var orderers = network.Nodes("orderer");
        if (orderers.Count == 0)
        {
            throw new FabricRuntimeException($"{network.Root}: nodes/ holds no orderer config; regenerate the network.");
        }
        var ordererDomain = topology.Orderers.Org.Domain;
        var ordererAdminTls = Path.Combine(
            OutputLayout.UserDirectory(OutputLayout.OrdererOrgDirectory(ordererDomain), TopologyIdentities.AdminName(ordererDomain)), "tls");
        var tlsCa = Tools(network, Path.Combine(orderers[0].TlsDirectory, "ca.crt"), "orderer TLS CA certificate");

        var peers = network.Nodes("peer");
        var orgs = topology.Orgs.Select(org =>
        {
            var admin = Path.Combine(OutputLayout.UserDirectory(OutputLayout.PeerOrgDirectory(org.Domain), TopologyIdentities.AdminName(org.Domain)), "msp");
            network.ExistingDirectory(admin, $"{org.MspId} admin MSP");
            var orgPeers = peers.Where(p => p.MspId == org.MspId)
                .Select(p => new SetupPeer(p.Name, $"{p.HostName}:{p.Listen.Port.ToString(CultureInfo.InvariantCulture)}",
                    Tools(network, Path.Combine(p.TlsDirectory, "ca.crt"), $"{p.Name} TLS CA certificate")))
                .ToList();
            if (orgPeers.Count == 0)
            {
                throw new FabricRuntimeException($"{network.Root}: nodes/ holds no peer config of {org.MspId}; regenerate the network.");
            }
            return new SetupOrg(org.Name, org.MspId, ContainerPaths.InToolsContainer(admin), orgPeers);
        }).ToList();

        var channels = topology.Channels.Select(channel => new SetupChannel(
            channel.Name,
            Tools(network, OutputLayout.GenesisBlock(channel.Name), $"genesis block of channel {channel.Name}"),
            [.. topology.GetChannelOrgs(channel).Select(o => o.MspId)])).ToList();

        var chaincodes = topology.Chaincodes.Select(cc => new SetupChaincode(
            cc.Name,
            cc.Channel,
            cc.Sequence,
            [.. DefinitionFlags(cc)],
            packages.Where(p => p.Chaincode == cc.Name && p.Channel == cc.Channel).ToDictionary(p => p.MspId, StringComparer.Ordinal))).ToList();

        return new NetworkSetupPlan(
            topology.Name,
            $"{orderers[0].HostName}:{orderers[0].Listen.Port.ToString(CultureInfo.InvariantCulture)}",
            tlsCa,
            Tools(network, Path.Combine(ordererAdminTls, "client.crt"), "orderer admin TLS client certificate"),
            Tools(network, Path.Combine(ordererAdminTls, "client.key"), "orderer admin TLS client key"),
            [.. orderers.Select(o => new SetupOrderer(o.Name,
                $"{o.HostName}:{NodeRequirements.Port(o, o.Listen.AdminPort, "adminPort").ToString(CultureInfo.InvariantCulture)}"))],
            orgs,
            channels,
            chaincodes);
    }

    private static IEnumerable<string> DefinitionFlags(ChaincodeDefinition chaincode)
    {
        yield return "--version";
        yield return chaincode.Version;
        foreach (var flag in EndorsementPolicyFlags.For(chaincode))
        {
            yield return flag;
        }
        if (chaincode.InitRequired)
        {
            yield return "--init-required";
        }
    }

    /// <summary>The tools-container path of an existing generated file.</summary>
    private static string Tools(FabricNetworkFolder network, string relative, string what)
    {
        network.ExistingFile(relative, what);
        return ContainerPaths.InToolsContainer(relative);
    }
}
