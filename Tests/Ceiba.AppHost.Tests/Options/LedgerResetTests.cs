using Ceiba.AppHost.Hosting;

namespace Ceiba.AppHost.Tests.Options;

public sealed class LedgerResetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ceiba-ledger-reset-").FullName;

    [Fact]
    public void The_nodes_data_is_deleted_and_the_identities_configs_and_genesis_blocks_are_kept()
    {
        // Arrange
        var ledger = Write("data/peer0-habana/ledger/000001.sst", "blocks");
        var fabricLedger = Write("data/fabric/peer0-habana/ledgersData/chains", "blocks");
        var kept = new[]
        {
            Write("organizations/peerOrganizations/habana/msp/signcerts/cert.pem", "certificate"),
            Write("nodes/peer0-habana.json", "{}"),
            Write("channel-artifacts/ehr-channel.block", "genesis"),
        };

        // Act
        var deleted = LedgerReset.Apply(_root);

        // Assert
        Assert.True(deleted);
        Assert.False(File.Exists(ledger));
        Assert.False(File.Exists(fabricLedger));
        Assert.False(Directory.Exists(Path.Combine(_root, LedgerReset.DataFolder)));
        Assert.All(kept, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void A_network_without_data_is_left_as_it_is()
    {
        // Arrange
        var config = Write("nodes/orderer0.json", "{}");

        // Act
        var deleted = LedgerReset.Apply(_root);

        // Assert
        Assert.False(deleted);
        Assert.True(File.Exists(config));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
