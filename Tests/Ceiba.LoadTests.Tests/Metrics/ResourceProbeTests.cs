using Ceiba.LoadTests.Metrics.Resources;

namespace Ceiba.LoadTests.Tests.Metrics;

public sealed class ResourceProbeTests
{
    [Theory]
    [InlineData("/usr/bin/dotnet|/app/network.dll|peer|--config|/net/out/seed/nodes/peer0-havana.json", "/", "peer0-havana", "peer")]
    [InlineData("/app/network|orderer|--config|nodes/orderer0.json", "/net/out/seed", "orderer0", "orderer")]
    [InlineData("/app/network|peer|--config=/net/out/seed/nodes/peer1-havana.json", "/", "peer1-havana", "peer")]
    [InlineData("/usr/bin/dotnet|/app/Ceiba.Chaincode.Ehr.dll", "/", "chaincode-ehr", "chaincode")]
    public void Node_processes_are_named_from_their_command_line(string commandLine, string workingDirectory, string name, string kind)
    {
        // Arrange
        var arguments = commandLine.Split('|');

        // Act
        var node = EmbeddedNodeProbe.Identify(arguments, workingDirectory, "/net/out/seed/nodes");

        // Assert
        Assert.Equal((name, kind), node);
    }

    [Theory]
    [InlineData("/app/network|peer|--config|/net/out/cuba-3/nodes/peer0-havana.json")]
    [InlineData("/usr/bin/dotnet|build|Chaincode/Ehr/Ceiba.Chaincode.Ehr.csproj")]
    public void Processes_of_other_networks_and_builds_are_ignored(string commandLine)
    {
        // Act
        var node = EmbeddedNodeProbe.Identify(commandLine.Split('|'), "/", "/net/out/seed/nodes");

        // Assert
        Assert.Null(node);
    }

    [Fact]
    public void Docker_stats_lines_become_readings()
    {
        // Arrange
        const string output = "peer0.havana.ceiba\t12.50%\t150.3MiB / 7.6GiB\norderer0\t0.00%\t20kB / 1GB\n";

        // Act
        var readings = DockerStatsProbe.Parse(output);

        // Assert
        Assert.Equal(2, readings.Count);
        Assert.Equal(new ResourceReading("peer0.havana.ceiba", "container", 12.5, (long)(150.3 * 1048576)), readings[0]);
        Assert.Equal(20_000, readings[1].RssBytes);
    }

    [Fact]
    public void The_client_probe_reads_this_process()
    {
        // Arrange
        var probe = new ClientProcessProbe();

        // Act
        var reading = Assert.Single(probe.Sample());

        // Assert
        Assert.Equal(ClientProcessProbe.Name, reading.Name);
        Assert.True(reading.RssBytes > 0);
    }
}
