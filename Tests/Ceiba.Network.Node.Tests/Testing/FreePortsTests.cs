using System.Net;
using System.Net.Sockets;
using Ceiba.Testing.Fabric;

namespace Ceiba.Network.Node.Tests.Testing;

/// <summary>The test networks' port allocator (Ceiba.Testing), which every node test relies on.</summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Ports_are_distinct_below_the_ephemeral_range_and_bindable_on_both_loopbacks()
    {
        // Act
        var ports = FreePorts.Take(64);

        // Assert
        Assert.Equal(64, ports.Distinct().Count());
        Assert.All(ports, port =>
        {
            Assert.InRange(port, 21_000, 31_999);
            using var v4 = new TcpListener(IPAddress.Loopback, port);
            v4.Start();
            using var v6 = new TcpListener(IPAddress.IPv6Loopback, port);
            v6.Start();
        });
    }

    [Fact]
    public async Task Concurrent_takers_never_get_the_same_port()
    {
        // Act
        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => FreePorts.Take(32), TestContext.Current.CancellationToken)));

        // Assert
        var all = taken.SelectMany(p => p).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void A_port_another_process_listens_on_at_the_IPv6_loopback_is_skipped()
    {
        // Arrange: occupy ::1 on the next ports the counter would hand out (or later ones, if another process moved it).
        var counter = Path.Combine(Path.GetTempPath(), "ceiba-test-ports.counter");
        var next = File.Exists(counter) && int.TryParse(File.ReadAllText(counter).Trim(), out var value) ? value : 21_000;
        var held = Enumerable.Range(next, 4).Where(p => p < 32_000).Select(p => new TcpListener(IPAddress.IPv6Loopback, p)).ToList();
        var occupied = new List<int>();
        foreach (var listener in held)
        {
            try
            {
                listener.Start();
                occupied.Add(((IPEndPoint)listener.LocalEndpoint).Port);
            }
            catch (SocketException)
            {
                // Taken already: by someone else, which is just as good for this test.
            }
        }

        try
        {
            // Act
            var ports = FreePorts.Take(8);

            // Assert
            Assert.NotEmpty(occupied);
            Assert.Empty(ports.Intersect(occupied));
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }
    }
}
