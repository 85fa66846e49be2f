using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>Binds Kestrel to the chaincode address: HTTP/2 only (gRPC without TLS needs it), optionally TLS and client auth.</summary>
internal static class KestrelEndpoint
{
    public static void Configure(KestrelServerOptions kestrel, ChaincodeServerOptions options)
    {
        var (host, port) = Split(options.Address);
        Action<ListenOptions> configure = listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (options.Tls is { } tls)
            {
                listen.UseHttps(https => ConfigureTls(https, tls));
            }
        };
        if (IPAddress.TryParse(host, out var ip))
        {
            kestrel.Listen(ip, port, configure);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.Listen(IPAddress.Loopback, port, configure);
        }
        else
        {
            // A host name (for example a container name) resolves to this machine: listen everywhere.
            kestrel.ListenAnyIP(port, configure);
        }
    }

    public static (string Host, int Port) Split(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Chaincode address '{address}' is not host:port.");
        }
        return (address[..colon].Trim('[', ']'), port);
    }

    private static void ConfigureTls(HttpsConnectionAdapterOptions https, ChaincodeTlsOptions tls)
    {
        https.ServerCertificate = tls.Certificate;
        if (!tls.RequireClientCertificate)
        {
            return;
        }
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.ClientCertificateValidation = (certificate, _, _) => TlsTrust.ChainsTo(certificate, tls.ClientCertificateAuthorities!);
    }
}
