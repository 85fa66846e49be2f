using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// Healthy when a TCP connection to <paramref name="address"/> (<c>host:port</c>) opens. A CCaaS chaincode server
/// speaks only gRPC to its peer, so accepting connections is its readiness; the peer's own <c>/health</c> then
/// checks that it can open the chaincode stream.
/// </summary>
public sealed class TcpConnectHealthCheck(string address) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var colon = address.LastIndexOf(':');
        var host = address[..colon];
        var port = int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{address} accepts connections");
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{address} does not accept connections: {error.Message}");
        }
    }
}
