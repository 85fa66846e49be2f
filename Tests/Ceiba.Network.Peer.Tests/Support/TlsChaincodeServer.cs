using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Network.Msp;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>
/// The C# EHR contract on our shim's CCaaS server with TLS, on a loopback port: a fresh test CA issues the server's
/// certificate (SANs localhost and 127.0.0.1), and CA, certificate and key are written as PEM under the network root.
/// </summary>
public sealed class TlsChaincodeServer : IAsyncDisposable
{
    /// <summary>Where the CA certificate is written, relative to the network root (a node config's <c>tlsRootCert</c>).</summary>
    public const string RootCertPath = "chaincode-tls/ca.crt";

    private TlsChaincodeServer(ChaincodeServer server) => Server = server;

    public ChaincodeServer Server { get; }

    public string Address => $"127.0.0.1:{Server.Port}";

    /// <summary>Starts the server; with <paramref name="clientCaPath"/> it requires client certificates issued by that CA.</summary>
    public static async Task<TlsChaincodeServer> StartAsync(string networkRoot, string? clientCaPath, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(networkRoot, Path.GetDirectoryName(RootCertPath)!);
        Directory.CreateDirectory(directory);
        using (var ca = CertificateAuthority.CreateRoot("tlsca.chaincode.ceiba.local", "chaincode.ceiba.local"))
        using (var tls = ca.IssueTls("ehr.chaincode.ceiba.local"))
        {
            await File.WriteAllTextAsync(Path.Combine(networkRoot, RootCertPath), Pem.EncodeCertificate(ca.Certificate), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "server.crt"), tls.CertificatePem, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "server.key"), tls.PrivateKeyPem, cancellationToken);
        }

        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions
        {
            Address = "127.0.0.1:0",
            ChaincodeId = "ehr_1.0:0123456789abcdef",
            DrainTimeout = TimeSpan.FromSeconds(2),
            Tls = ChaincodeTlsOptions.FromPemFiles(Path.Combine(directory, "server.crt"), Path.Combine(directory, "server.key"), clientCaPath),
        };
        builder.UseContracts(new EhrContract());
        var server = builder.Build();
        await server.StartAsync(cancellationToken);
        return new TlsChaincodeServer(server);
    }

    /// <summary>Writes a certificate of another, unrelated CA to <paramref name="relativePath"/> under the network root.</summary>
    public static async Task WriteUnrelatedCaAsync(string networkRoot, string relativePath, CancellationToken cancellationToken)
    {
        using var stranger = CertificateAuthority.CreateRoot("tlsca.stranger.ceiba.local", "stranger.ceiba.local");
        var path = Path.Combine(networkRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Pem.EncodeCertificate(stranger.Certificate), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
    }
}
