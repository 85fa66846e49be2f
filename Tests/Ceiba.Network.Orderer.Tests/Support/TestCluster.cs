using Ceiba.Testing.Fabric;
using Ceiba.Network.Protos.Common;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Tests.Support;

/// <summary>The orderers of a generated network running as in-process hosts that a test can stop and restart.</summary>
public sealed class TestCluster(TestNetwork network, Func<OrdererNodeOptions, OrdererNodeOptions>? configure = null) : IAsyncDisposable
{
    private static readonly OrdererNodeOptions Defaults = new()
    {
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        ElectionTimeout = TimeSpan.FromMilliseconds(400),
    };

    private readonly OrdererNodeOptions _options = configure?.Invoke(Defaults) ?? Defaults;

    private readonly Dictionary<string, OrdererNode> _running = new(StringComparer.Ordinal);

    public TestNetwork Network { get; } = network;

    public IReadOnlyCollection<OrdererNode> Running => _running.Values;

    public OrdererNode this[string name] => _running[name];

    public async Task StartAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(Network.OrdererNames.Select(n => StartAsync(n, cancellationToken)));

    public async Task StartAsync(string name, CancellationToken cancellationToken)
    {
        var node = await OrdererNode.StartAsync(Network.NodeConfig(name), _options, cancellationToken);
        lock (_running)
        {
            _running[name] = node;
        }
    }

    public async Task StopAsync(string name)
    {
        var node = _running[name];
        _running.Remove(name);
        await node.DisposeAsync();
    }

    public async Task StopAllAsync()
    {
        foreach (var name in _running.Keys.ToList())
        {
            await StopAsync(name);
        }
    }

    /// <summary>Waits until exactly one running node leads and every running node is ready.</summary>
    public async Task<OrdererNode> WaitForLeaderAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var leaders = Running.Where(n => n.IsLeader).ToList();
            if (leaders.Count == 1 && Running.All(n => n.IsReady))
            {
                return leaders[0];
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Waits until every running node holds the same chain, at least <paramref name="minimumHeight"/> high; returns it.</summary>
    public async Task<IReadOnlyList<Block>> WaitForIdenticalChainsAsync(ulong minimumHeight, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var heights = Running.Select(n => n.GetStore(Network.Channel).Height).Distinct().ToList();
            if (heights.Count == 1 && heights[0] >= minimumHeight)
            {
                var stores = Running.Select(n => n.GetStore(Network.Channel)).ToList();
                for (var number = 0ul; number < heights[0]; number++)
                {
                    var first = stores[0].GetBlockBytes(number);
                    Assert.All(stores.Skip(1), s => Assert.Equal(first, s.GetBlockBytes(number)));
                }

                return [.. Enumerable.Range(0, (int)heights[0]).Select(i => stores[0].GetBlock((ulong)i))];
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>The directory of <paramref name="name"/>'s Raft snapshots.</summary>
    public string SnapshotDirectory(string name) => Path.Combine(Network.Root, Network.Config(name).DataDirectory, "raft-snapshots");

    public OrdererClient Client(string name) => OrdererClient.For(Network, name);

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        Network.Dispose();
    }
}
