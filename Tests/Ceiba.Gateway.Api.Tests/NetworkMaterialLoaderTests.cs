using Ceiba.Gateway.Api.Fabric;
using Ceiba.Testing.Fabric;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Reading real <c>network generate</c> output: orgs, peers, hospitals and identities.</summary>
public sealed class NetworkMaterialLoaderTests
{
    [Fact]
    public void Reads_every_org_of_cuba_3_with_its_peer_hospitals_and_identities()
    {
        // Arrange
        using var generated = TestNetwork.Generate("cuba-3");

        // Act
        var material = NetworkMaterialLoader.Load(generated.Root);

        // Assert
        Assert.Equal(["ehr"], material.Channels);
        Assert.Equal(["HabanaMSP", "VillaClaraMSP", "SantiagoMSP"], material.Orgs.Select(o => o.MspId));
        var villaClara = material.OrgOfHospital("vcl-arnaldo-milian");
        Assert.NotNull(villaClara);
        Assert.Equal("05", villaClara.ProvinceCode);
        var peer = Assert.Single(villaClara.Peers);
        Assert.Equal("peer0.villaclara.ceiba.local", peer.HostName);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", peer.TlsCaPem, StringComparison.Ordinal);
        Assert.Contains(villaClara.Identities, i => i.Role == "doctor" && i.Hospital == "vcl-arnaldo-milian" && Directory.Exists(i.MspPath));
        Assert.Contains(villaClara.Identities, i => i.Role == "admin" && i.Hospital == "vcl-celestino-hernandez" && Directory.Exists(i.MspPath));
    }

    [Fact]
    public void A_moved_output_root_still_finds_its_identities()
    {
        // Arrange
        using var generated = TestNetwork.Generate("seed");
        var moved = Directory.CreateTempSubdirectory("ceiba-moved-network-").FullName;
        try
        {
            CopyDirectory(generated.Root, moved);

            // Act
            var material = NetworkMaterialLoader.Load(moved);

            // Assert
            Assert.All(material.Orgs.SelectMany(o => o.Identities), i => Assert.StartsWith(moved, i.MspPath, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(moved, recursive: true);
        }
    }

    [Fact]
    public void A_directory_without_topology_json_is_refused_with_the_path()
    {
        // Arrange
        var empty = Directory.CreateTempSubdirectory("ceiba-empty-network-").FullName;
        try
        {
            // Act
            var error = Assert.Throws<NetworkMaterialException>(() => NetworkMaterialLoader.Load(empty));

            // Assert
            Assert.Contains(Path.Combine(empty, "topology.json"), error.Message, StringComparison.Ordinal);
            Assert.Contains("network generate", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
