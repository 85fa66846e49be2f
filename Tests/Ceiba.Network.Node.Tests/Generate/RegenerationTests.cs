using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Network.Node.Tests.Generate;

public sealed class RegenerationTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "ceiba-regenerate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Rerunning_keeps_existing_keys_and_the_genesis_block()
    {
        // Arrange
        NetworkGenerator.Generate(BuiltInTopologies.Seed, _output);
        var caKey = File.ReadAllText(CaKeyPath());
        var block = File.ReadAllBytes(Path.Combine(_output, OutputLayout.GenesisBlock("ehr")));

        // Act
        var second = NetworkGenerator.Generate(BuiltInTopologies.Seed, _output);

        // Assert
        Assert.Equal(0, second.IdentitiesGenerated);
        Assert.True(second.IdentitiesReused > 0);
        Assert.Equal(["ehr"], second.GenesisBlocksKept);
        Assert.Equal(caKey, File.ReadAllText(CaKeyPath()));
        Assert.Equal(block, File.ReadAllBytes(Path.Combine(_output, OutputLayout.GenesisBlock("ehr"))));
    }

    [Fact]
    public void Force_regenerates_every_key_and_the_genesis_block()
    {
        // Arrange
        var first = NetworkGenerator.Generate(BuiltInTopologies.Seed, _output);
        var caKey = File.ReadAllText(CaKeyPath());

        // Act
        var forced = NetworkGenerator.Generate(BuiltInTopologies.Seed, _output, new GenerationOptions { Force = true });

        // Assert
        Assert.Equal(first.IdentitiesGenerated, forced.IdentitiesGenerated);
        Assert.Equal(0, forced.IdentitiesReused);
        Assert.Empty(forced.GenesisBlocksKept);
        Assert.NotEqual(caKey, File.ReadAllText(CaKeyPath()));
    }

    [Fact]
    public void The_national_topology_generates_sixteen_provinces_and_five_consenters()
    {
        // Arrange
        var topology = BuiltInTopologies.Load(BuiltInTopologies.CubaNational);

        // Act
        var result = NetworkGenerator.Generate(BuiltInTopologies.CubaNational, _output);

        // Assert
        var block = Ceiba.Network.Protos.Common.Block.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(_output, OutputLayout.GenesisBlock("ehr"))));
        var config = Ceiba.Network.Topology.Generation.ChannelConfig.GenesisBlockFactory.ReadConfig(block);
        Assert.Equal(16, config.ChannelGroup.Groups["Application"].Groups.Count);
        Assert.Equal(topology.Orgs.Select(o => o.MspId).Order(), config.ChannelGroup.Groups["Application"].Groups.Keys.Order());
        var consensus = Ceiba.Network.Protos.Orderer.ConsensusType.Parser.ParseFrom(config.ChannelGroup.Groups["Orderer"].Values["ConsensusType"].Value);
        Assert.Equal(5, Ceiba.Network.Protos.Orderer.EtcdRaft.ConfigMetadata.Parser.ParseFrom(consensus.Metadata).Consenters.Count);
        Assert.Equal(16, result.ConnectionProfiles.Count);
        Assert.Equal(16 + 16 + 5, result.NodeConfigs.Count);
    }

    private string CaKeyPath() => Path.Combine(_output, "organizations", "peerOrganizations",
        BuiltInTopologies.Load(BuiltInTopologies.Seed).Orgs[0].Domain, "ca", "priv_sk");

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
