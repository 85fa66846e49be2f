using Ceiba.LoadTests.Metrics.Resources;

namespace Ceiba.LoadTests.Tests.Metrics;

public sealed class ResourceProbeTests
{
    private static readonly HashSet<string> NoChaincodes = [];

    private static string? NoEnvironment(string? name) => null;

    [Theory]
    [InlineData("localhost:10390", "chaincode@localhost:10390")]
    [InlineData("localhost:20390", null)]
    public void A_chaincode_server_counts_only_when_a_peer_of_this_network_dials_it(string address, string? expected)
    {
        // Arrange
        HashSet<string> addresses = ["localhost:10390"];
        string? Environment(string? name) => name == "CHAINCODE_SERVER_ADDRESS" ? address : null;

        // Act
        var node = EmbeddedNodeProbe.Identify(["/app/Ceiba.Chaincode.Ehr"], "/", "/net/out/seed/nodes", "/net/out/seed", addresses, Environment);

        // Assert
        Assert.Equal(expected, node?.Name);
    }

    [Fact]
    public void Chaincode_addresses_are_read_from_the_node_configs()
    {
        // Arrange
        var nodes = Directory.CreateTempSubdirectory("ceiba-nodes-");
        try
        {
            File.WriteAllText(Path.Combine(nodes.FullName, "peer0-habana.json"), """{ "chaincodes": [ { "name": "ehr", "address": "localhost:10390" } ] }""");
            File.WriteAllText(Path.Combine(nodes.FullName, "orderer0.json"), """{ "role": "orderer" }""");
            File.WriteAllText(Path.Combine(nodes.FullName, "broken.json"), "{");

            // Act
            var addresses = EmbeddedNodeProbe.ChaincodeAddresses(nodes.FullName);

            // Assert
            Assert.Equal(["localhost:10390"], addresses);
        }
        finally
        {
            nodes.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/usr/bin/dotnet|/app/network.dll|peer|--config|/net/out/seed/nodes/peer0-havana.json", "/", "peer0-havana", "peer")]
    [InlineData("/app/network|orderer|--config|nodes/orderer0.json", "/net/out/seed", "orderer0", "orderer")]
    [InlineData("/app/network|peer|--config=/net/out/seed/nodes/peer1-havana.json", "/", "peer1-havana", "peer")]
    public void Node_processes_are_named_from_their_command_line(string commandLine, string workingDirectory, string name, string kind)
    {
        // Arrange
        var arguments = commandLine.Split('|');

        // Act
        var node = EmbeddedNodeProbe.Identify(arguments, workingDirectory, "/net/out/seed/nodes", "/net/out/seed", NoChaincodes, NoEnvironment);

        // Assert
        Assert.Equal((name, kind), node);
    }

    [Theory]
    [InlineData("/app/network|peer|--config|/net/out/cuba-3/nodes/peer0-havana.json")]
    [InlineData("/usr/bin/dotnet|build|Chaincode/Ehr/Ceiba.Chaincode.Ehr.csproj")]
    public void Processes_of_other_networks_and_builds_are_ignored(string commandLine)
    {
        // Act
        var node = EmbeddedNodeProbe.Identify(commandLine.Split('|'), "/", "/net/out/seed/nodes", "/net/out/seed", NoChaincodes, NoEnvironment);

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
