using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class CcaasPackageTests(GeneratedNetworks networks)
{
    [Theory]
    [InlineData("seed")]
    [InlineData("cuba-3")]
    public void Each_org_gets_a_ccaas_package_that_points_its_peers_at_its_chaincode_server(string topology)
    {
        // Arrange
        var network = networks.Get(topology);
        var folder = FabricNetworkFolder.Open(network.OutputDirectory);

        // Act
        var packages = CcaasPackages.Write(folder, network.Topology);

        // Assert
        var expected = network.Topology.Chaincodes.SelectMany(cc => cc.Servers.Select(s => (cc.Name, s.Org, s.Port))).ToList();
        Assert.Equal(expected, packages.Select(p => (p.Chaincode, p.Org, p.ServerPort)));
        foreach (var package in packages)
        {
            var bytes = File.ReadAllBytes(package.HostPath);
            Assert.Equal($"{package.Label}:{Convert.ToHexStringLower(SHA256.HashData(bytes))}", package.PackageId);

            var outer = ReadTarGz(bytes);
            Assert.Equal(["metadata.json", "code.tar.gz"], outer.Keys);
            using var metadata = JsonDocument.Parse(outer["metadata.json"]);
            Assert.Equal("ccaas", metadata.RootElement.GetProperty("type").GetString());
            Assert.Equal(package.Label, metadata.RootElement.GetProperty("label").GetString());

            var code = ReadTarGz(outer["code.tar.gz"]);
            using var connection = JsonDocument.Parse(Assert.Single(code, e => e.Key == "connection.json").Value);
            Assert.Equal($"host.docker.internal:{package.ServerPort}", connection.RootElement.GetProperty("address").GetString());
            Assert.Equal(package.Address, connection.RootElement.GetProperty("address").GetString());
            Assert.Equal("10s", connection.RootElement.GetProperty("dial_timeout").GetString());
            Assert.Equal(JsonValueKind.False, connection.RootElement.GetProperty("tls_required").ValueKind);

            Assert.Equal($"/opt/ceiba/setup/chaincode/{Path.GetFileName(package.HostPath)}", package.ToolsPath);
        }
        Assert.Equal(packages.Count, packages.Select(p => p.PackageId).Distinct().Count());
    }

    [Fact]
    public void Rewriting_the_packages_keeps_the_package_ids()
    {
        // Arrange
        var folder = FabricNetworkFolder.Open(networks.Cuba3.OutputDirectory);
        var first = CcaasPackages.Write(folder, networks.Cuba3.Topology);

        // Act
        var second = CcaasPackages.Write(folder, networks.Cuba3.Topology);

        // Assert
        Assert.Equal(first.Select(p => p.PackageId), second.Select(p => p.PackageId));
    }

    [Fact]
    public void The_chaincode_server_environment_registers_with_the_installed_package_id_on_all_interfaces()
    {
        // Arrange
        var package = CcaasPackages.Write(FabricNetworkFolder.Open(networks.Seed.OutputDirectory), networks.Seed.Topology)[0];

        // Act
        var env = ChaincodeServerEnvironment.For(package);

        // Assert
        Assert.Equal(package.PackageId, env["CHAINCODE_ID"]);
        Assert.Equal($"0.0.0.0:{networks.Seed.Topology.Chaincodes[0].Servers[0].Port}", env["CHAINCODE_SERVER_ADDRESS"]);
        Assert.Equal("true", env["CHAINCODE_TLS_DISABLED"]);
    }

    private static Dictionary<string, byte[]> ReadTarGz(byte[] bytes)
    {
        var entries = new Dictionary<string, byte[]>();
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            Assert.Equal(TarEntryType.RegularFile, entry.EntryType);
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add(entry.Name, content.ToArray());
        }
        return entries;
    }
}
