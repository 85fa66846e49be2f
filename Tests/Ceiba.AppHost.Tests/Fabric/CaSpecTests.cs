using System.Security.Cryptography.X509Certificates;
using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class CaSpecTests(GeneratedNetworks networks)
{
    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void Every_ca_serves_the_generated_org_ca_over_the_generated_tls_certificate(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var nodes = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("ca");
        Assert.Equal(network.Topology.Orgs.Count, nodes.Count);

        foreach (var node in nodes)
        {
            var org = network.Topology.Orgs.Single(o => o.MspId == node.MspId);

            // Act
            var spec = FabricContainerSpecs.Ca(network.OutputDirectory, node);

            // Assert
            var env = spec.Environment;
            Assert.Equal("/var/hyperledger/fabric-ca-server", env["FABRIC_CA_HOME"]);
            Assert.Equal(node.Name, env["FABRIC_CA_SERVER_CA_NAME"]);
            Assert.Equal(node.Listen.Port.ToString(), env["FABRIC_CA_SERVER_PORT"]);
            Assert.Equal("true", env["FABRIC_CA_SERVER_TLS_ENABLED"]);
            Assert.Equal($"0.0.0.0:{node.Listen.OperationsPort}", env["FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS"]);
            SpecAssertions.MountsExist(spec);
            foreach (var file in new[] { "FABRIC_CA_SERVER_CA_CERTFILE", "FABRIC_CA_SERVER_CA_KEYFILE", "FABRIC_CA_SERVER_TLS_CERTFILE", "FABRIC_CA_SERVER_TLS_KEYFILE" })
            {
                SpecAssertions.MountedFile(spec, env[file]);
            }
            // The CA certificate is the one in the org's MSP cacerts/, so enrolled identities chain to the channel's root.
            var orgCaCert = Path.Combine(network.OutputDirectory, "organizations", "peerOrganizations", org.Domain, "msp", "cacerts", $"ca.{org.Domain}-cert.pem");
            Assert.Equal(File.ReadAllBytes(orgCaCert), File.ReadAllBytes(SpecAssertions.HostPath(spec, env["FABRIC_CA_SERVER_CA_CERTFILE"])!));
            using var tlsCert = X509Certificate2.CreateFromPem(File.ReadAllText(SpecAssertions.HostPath(spec, env["FABRIC_CA_SERVER_TLS_CERTFILE"])!));
            Assert.True(tlsCert.MatchesHostname(node.HostName), $"{node.Name}: TLS certificate does not name {node.HostName}");
            Assert.Equal(env["FABRIC_CA_HOME"], spec.Mounts.Single(m => !m.ReadOnly).Target);

            Assert.Equal("fabric-ca-server", spec.Entrypoint);
            Assert.Equal(["start", "-b"], spec.Args.Take(2));
            var password = File.ReadAllText(Path.Combine(network.OutputDirectory, "fabric", "secrets", $"{node.Name}.admin-password")).Trim();
            Assert.Equal($"admin:{password}", spec.Args[2]);
            Assert.Equal([("api", node.Listen.Port), ("operations", node.Listen.OperationsPort!.Value)], spec.Ports.Select(p => (p.Name, p.HostPort)));
            Assert.Equal("https", spec.Ports[0].Scheme);
            Assert.Equal(node.HostName, spec.NetworkAlias);
            Assert.Equal($"docker.io/hyperledger/fabric-ca:{FabricContainerImageTags.CaTag}", spec.ImageReference);
        }
    }

    [Fact]
    public void The_bootstrap_password_is_random_per_ca_and_stable_across_starts()
    {
        // Arrange
        var network = networks.Cuba3;
        var nodes = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("ca");

        // Act
        var first = nodes.Select(n => FabricContainerSpecs.Ca(network.OutputDirectory, n).Args[2]).ToList();
        var second = nodes.Select(n => FabricContainerSpecs.Ca(network.OutputDirectory, n).Args[2]).ToList();

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, arg => Assert.True(arg.Length >= "admin:".Length + 20, $"password too short: {arg}"));
        Assert.DoesNotContain("admin:adminpw", first);
        if (!OperatingSystem.IsWindows())
        {
            var file = Path.Combine(network.OutputDirectory, "fabric", "secrets", $"{nodes[0].Name}.admin-password");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_tampered_password_file_is_reported_with_its_path()
    {
        // Arrange
        var network = networks.Seed;
        var node = FabricNetworkFolder.Open(network.OutputDirectory).Nodes("ca")[0];
        var file = Path.Combine(network.OutputDirectory, "fabric", "secrets", "broken-ca.admin-password");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "pass word with spaces");

        // Act
        var error = Assert.Throws<FabricRuntimeException>(() => FabricContainerSpecs.Ca(network.OutputDirectory, node with { Name = "broken-ca" }));

        // Assert
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }
}
