using System.Net;
using System.Net.Sockets;

namespace Ceiba.Testing.Fabric;

/// <summary>Loopback ports that are free right now, all distinct.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
