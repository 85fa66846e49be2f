using System.Net;
using System.Net.Sockets;

namespace Ceiba.Testing.Fabric;

/// <summary>
/// Loopback ports for test networks, distinct across every test process on the machine.
/// </summary>
/// <remarks>
/// Test assemblies run in parallel, and asking the kernel for a free port (bind to port 0) hands out ephemeral ports,
/// which another process can be given the moment they are released. Nodes listen on 127.0.0.1 while clients dial
/// <c>localhost</c>, so a port taken on ::1 by another process's server sends a client to the wrong network.
/// Ports therefore come from a range below the ephemeral one (21000–31999: above the shipped topologies' 10010–19990
/// and Aspire's 15080–20080), handed out in turn through a counter file that one process at a time may hold, and
/// each one is checked free on both loopback addresses.
/// </remarks>
public static class FreePorts
{
    private const int RangeStart = 21_000;
    private const int RangeEnd = 32_000;
    private static readonly string CounterFile = Path.Combine(Path.GetTempPath(), "ceiba-test-ports.counter");

    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        using var counter = OpenExclusively();
        var next = ReadNext(counter);
        var ports = new List<int>(count);
        for (var tried = 0; ports.Count < count; tried++)
        {
            if (tried >= RangeEnd - RangeStart)
            {
                throw new InvalidOperationException($"No {count} free loopback ports in {RangeStart}-{RangeEnd - 1}; {ports.Count} found.");
            }

            var candidate = next;
            next = next + 1 >= RangeEnd ? RangeStart : next + 1;
            if (IsFree(IPAddress.Loopback, candidate) && IsFree(IPAddress.IPv6Loopback, candidate))
            {
                ports.Add(candidate);
            }
        }

        WriteNext(counter, next);
        return [.. ports];
    }

    private static FileStream OpenExclusively()
    {
        // FileShare.None takes an advisory lock (flock) on Unix, which other test processes respect.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(CounterFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(10);
            }
        }
    }

    private static int ReadNext(FileStream counter)
    {
        using var reader = new StreamReader(counter, leaveOpen: true);
        return int.TryParse(reader.ReadToEnd().Trim(), out var next) && next is >= RangeStart and < RangeEnd
            ? next
            : RangeStart + Random.Shared.Next(RangeEnd - RangeStart);
    }

    private static void WriteNext(FileStream counter, int next)
    {
        counter.SetLength(0);
        counter.Position = 0;
        using var writer = new StreamWriter(counter, leaveOpen: true);
        writer.Write(next);
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException error) when (address.Equals(IPAddress.IPv6Loopback)
            && error.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported)
        {
            // No IPv6 loopback on this machine: nothing can listen there either.
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
