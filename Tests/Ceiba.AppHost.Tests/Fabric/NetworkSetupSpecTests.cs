using System.Text.RegularExpressions;
using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed partial class NetworkSetupSpecTests(GeneratedNetworks networks)
{
    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void The_tools_container_runs_the_generated_script_with_the_network_mounted_read_only(string topology)
    {
        // Arrange
        var network = networks.Get(topology);

        // Act
        var spec = FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology);

        // Assert
        Assert.Equal($"docker.io/hyperledger/fabric-tools:{FabricContainerImageTags.FabricTag}", spec.ImageReference);
        Assert.Equal(["bash", "/opt/ceiba/setup/network-setup.sh"], spec.Args);
        SpecAssertions.MountsExist(spec);
        Assert.All(spec.Mounts, m => Assert.True(m.ReadOnly, $"{m.Target} is writable"));
        SpecAssertions.MountedFile(spec, spec.Args[1]);
        Assert.Empty(spec.Ports);
        Assert.Null(spec.HealthCheck);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void The_script_joins_every_orderer_and_peer_and_deploys_the_chaincode_for_every_org(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var folder = FabricNetworkFolder.Open(network.OutputDirectory);
        var spec = FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology);

        // Act
        var script = File.ReadAllText(SpecAssertions.HostPath(spec, spec.Args[1])!);

        // Assert
        var packages = CcaasPackages.Write(folder, network.Topology);
        var lines = script.Split('\n');
        foreach (var channel in network.Topology.Channels)
        {
            var block = $"'/opt/ceiba/network/channel-artifacts/{channel.Name}.block'";
            foreach (var orderer in folder.Nodes("orderer"))
            {
                Assert.Contains($"join_orderer '{orderer.Name}' '{channel.Name}' {block}", lines);
                Assert.Contains($"['{orderer.Name}']='{orderer.HostName}:{orderer.Listen.AdminPort}'", script, StringComparison.Ordinal);
            }
            foreach (var peer in folder.Nodes("peer"))
            {
                Assert.Contains($"join_peer '{peer.Name}' '{channel.Name}' {block}", lines);
                Assert.Contains($"['{peer.Name}']='{peer.HostName}:{peer.Listen.Port}'", script, StringComparison.Ordinal);
                Assert.Contains($"['{peer.Name}']='{peer.MspId}'", script, StringComparison.Ordinal);
            }
        }
        foreach (var chaincode in network.Topology.Chaincodes)
        {
            var policy = string.Join(' ', EndorsementPolicyFlags.For(chaincode).Select(f => $"'{f.Replace("'", "'\\''")}'"));
            var definition = $"'--version' '{chaincode.Version}' {policy}";
            foreach (var org in network.Topology.GetChannelOrgs(network.Topology.FindChannel(chaincode.Channel)!))
            {
                var package = packages.Single(p => p.Chaincode == chaincode.Name && p.MspId == org.MspId);
                var orgPeers = folder.Nodes("peer").Where(p => p.MspId == org.MspId).ToList();
                foreach (var peer in orgPeers)
                {
                    Assert.Contains($"install_package '{peer.Name}' '{package.ToolsPath}' '{package.PackageId}'", lines);
                }
                Assert.Contains($"approve_definition '{orgPeers[0].Name}' '{package.PackageId}' '{chaincode.Channel}' '{chaincode.Name}' {chaincode.Sequence} {definition}", lines);
                Assert.Matches($"COMMIT_PEERS=\\(.*'--peerAddresses' '{Regex.Escape(orgPeers[0].HostName)}:{orgPeers[0].Listen.Port}' '--tlsRootCertFiles' '[^']+'", script);
            }
            Assert.Single(lines, l => l.StartsWith($"commit_definition ", StringComparison.Ordinal) && l.EndsWith($"'{chaincode.Channel}' '{chaincode.Name}' {chaincode.Sequence} {definition}", StringComparison.Ordinal));
        }
        Assert.StartsWith("#!/usr/bin/env bash\n", script, StringComparison.Ordinal);
        Assert.Contains("\nset -euo pipefail\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", script, StringComparison.Ordinal);
        // The real commands and flags the functions call.
        Assert.Contains("osnadmin channel \"$command\" -o", script, StringComparison.Ordinal);
        Assert.Contains("--ca-file \"$ORDERER_TLS_CA\" --client-cert \"$ORDERER_ADMIN_TLS_CERT\" --client-key \"$ORDERER_ADMIN_TLS_KEY\"", script, StringComparison.Ordinal);
        Assert.Contains("join --channelID \"$channel\" --config-block \"$block\"", script, StringComparison.Ordinal);
        Assert.Contains("channel join -b \"$block\"", script, StringComparison.Ordinal);
        Assert.Contains("lifecycle chaincode install \"$file\"", script, StringComparison.Ordinal);
        Assert.Contains("lifecycle chaincode queryinstalled", script, StringComparison.Ordinal);
        Assert.Contains("lifecycle chaincode approveformyorg -o \"$ORDERER_ADDRESS\" --tls --cafile \"$ORDERER_TLS_CA\"", script, StringComparison.Ordinal);
        Assert.Contains("lifecycle chaincode checkcommitreadiness", script, StringComparison.Ordinal);
        Assert.Contains("lifecycle chaincode commit -o \"$ORDERER_ADDRESS\" --tls --cafile \"$ORDERER_TLS_CA\"", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void Every_path_the_script_names_exists_in_the_tools_container_mounts(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var spec = FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology);
        var script = File.ReadAllText(SpecAssertions.HostPath(spec, spec.Args[1])!);

        // Act
        var paths = ContainerPathPattern().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();

        // Assert
        Assert.NotEmpty(paths);
        Assert.All(paths, path =>
        {
            var host = SpecAssertions.HostPath(spec, path);
            Assert.True(host is not null && (File.Exists(host) || Directory.Exists(host)), $"{path} does not exist in the tools container's mounts");
        });
        Assert.Contains(paths, p => p.EndsWith("/msp", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/client.key", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith(".tar.gz", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public async Task The_generated_script_passes_the_bash_syntax_check(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var spec = FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology);
        var script = SpecAssertions.HostPath(spec, spec.Args[1])!;

        // Act
        var result = await Bash.RunAsync(["-n", script], null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
    }

    [GeneratedRegex("'(/opt/ceiba/[^']+)'")]
    private static partial Regex ContainerPathPattern();
}
