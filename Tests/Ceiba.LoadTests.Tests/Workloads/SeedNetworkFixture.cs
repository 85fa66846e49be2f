using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Workloads.GatewayTarget;
using Ceiba.Testing.Fabric;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The seed topology running in-process (orderer, peer, C# EHR chaincode) with a gateway workload on it.</summary>
public sealed class SeedNetworkFixture : IAsyncLifetime
{
    internal EmbeddedEhrNetwork Network { get; private set; } = null!;

    internal RecordingSink Sink { get; } = new();

    internal GatewayWorkload Workload { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Network = await EmbeddedEhrNetwork.StartAsync("seed", timeout.Token);
        Workload = (GatewayWorkload)await WorkloadFactory.CreateAsync(new WorkloadRequest(TestScenarios.AllFlows(), Network.Network.Root, Sink), timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Workload is not null)
        {
            await Workload.DisposeAsync();
        }

        if (Network is not null)
        {
            await Network.DisposeAsync();
        }
    }
}
