using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

/// <summary>
/// Runs the generated script under bash against <see cref="FabricCliStubs"/>: the order and idempotency of its
/// steps, and that a failing step stops it. Whether Fabric accepts the calls is for a machine with Docker.
/// </summary>
public sealed class NetworkSetupScriptRunTests(GeneratedNetworks networks) : IDisposable
{
    private readonly FabricCliStubs _stubs = new();

    [Fact]
    public async Task The_script_joins_installs_approves_and_commits_once_and_a_second_run_changes_nothing()
    {
        // Arrange
        var (script, environment, packages) = Prepare(networks.Cuba3);

        // Act
        var first = await Bash.RunAsync([script], environment, TestContext.Current.CancellationToken);
        var firstCalls = _stubs.Calls;
        _stubs.ClearCalls();
        var second = await Bash.RunAsync([script], environment, TestContext.Current.CancellationToken);
        var secondCalls = _stubs.Calls;

        // Assert
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("network setup complete", first.Output, StringComparison.Ordinal);
        Assert.Equal(3, firstCalls.Count(c => c.StartsWith("osnadmin channel join", StringComparison.Ordinal)));
        Assert.Equal(3, firstCalls.Count(c => c.Contains(" channel join -b ", StringComparison.Ordinal)));
        Assert.Equal(3, firstCalls.Count(c => c.Contains(" lifecycle chaincode install ", StringComparison.Ordinal)));
        Assert.Equal(3, firstCalls.Count(c => c.Contains(" lifecycle chaincode approveformyorg ", StringComparison.Ordinal)));
        Assert.Single(firstCalls, c => c.Contains(" lifecycle chaincode commit ", StringComparison.Ordinal));
        foreach (var package in packages)
        {
            // Each org approves with the package id computed in C#, which the stub recomputes from the file with sha256sum.
            Assert.Single(firstCalls, c => c.Contains($" {package.MspId} lifecycle chaincode approveformyorg ", StringComparison.Ordinal)
                && c.Contains($"--package-id {package.PackageId}", StringComparison.Ordinal));
        }
        var commit = firstCalls.Single(c => c.Contains(" lifecycle chaincode commit ", StringComparison.Ordinal));
        Assert.Contains("--channel-config-policy /Channel/Application/Endorsement", commit, StringComparison.Ordinal);
        Assert.Equal(3, commit.Split(' ').Count(w => w == "--peerAddresses"));

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.DoesNotContain(secondCalls, c =>
            c.StartsWith("osnadmin channel join", StringComparison.Ordinal)
            || c.Contains(" channel join -b ", StringComparison.Ordinal)
            || c.Contains(" chaincode install ", StringComparison.Ordinal)
            || c.Contains(" approveformyorg ", StringComparison.Ordinal)
            || c.Contains(" chaincode commit ", StringComparison.Ordinal));
        Assert.Contains("already", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_that_cannot_join_stops_the_script_with_its_name_and_error()
    {
        // Arrange
        var (script, environment, _) = Prepare(networks.Seed);
        environment["STUB_FAIL_JOIN"] = "1";

        // Act
        var result = await Bash.RunAsync([script], environment, TestContext.Current.CancellationToken);

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ERROR: peer0-habana could not join ehr", result.Error, StringComparison.Ordinal);
        Assert.Contains("rpc error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_stubs.Calls, c => c.Contains(" chaincode install ", StringComparison.Ordinal));
        Assert.DoesNotContain("network setup complete", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _stubs.Dispose();

    private (string Script, Dictionary<string, string> Environment, IReadOnlyList<CcaasPackageFile> Packages) Prepare(Ceiba.Network.Topology.Generation.GenerationResult network)
    {
        var spec = FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology);
        var packages = CcaasPackages.Write(FabricNetworkFolder.Open(network.OutputDirectory), network.Topology);
        var setup = spec.Mounts.Single(m => m.Target == ContainerPaths.ToolsSetup).Source;
        var orgs = network.Topology.GetChannelOrgs(network.Topology.Channels[0]).Select(o => o.MspId);
        return (SpecAssertions.HostPath(spec, spec.Args[1])!, _stubs.Environment(setup, orgs), packages);
    }
}
