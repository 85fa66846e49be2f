using Ceiba.Testing.Fabric;
using Ceiba.Network.Orderer.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Tests.Node;

/// <summary>One seed network (one Raft-less orderer, TLS on, blocks of at most 10 envelopes or 200 ms) shared by a test class.</summary>
public sealed class SingleOrdererFixture : IAsyncLifetime
{
    public TestNetwork Network { get; } = TestNetwork.Generate("seed");

    public OrdererNode Node { get; private set; } = null!;

    public string Name => Network.OrdererNames[0];

    public static OrdererNodeOptions Options { get; } = new() { ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning) };

    public async ValueTask InitializeAsync() => Node = await OrdererNode.StartAsync(Network.NodeConfig(Name), Options);

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Network.Dispose();
    }

    public OrdererClient Client() => OrdererClient.For(Network, Name);
}
