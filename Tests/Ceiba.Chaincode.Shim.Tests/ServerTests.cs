using System.Security.Cryptography.X509Certificates;
using Ceiba.Testing.Chaincode;
using Microsoft.Extensions.Configuration;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class ServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Options_come_from_fabrics_ccaas_environment_variables()
    {
        // Arrange
        var configuration = Configuration(new()
        {
            ["CHAINCODE_SERVER_ADDRESS"] = "0.0.0.0:9999",
            ["CHAINCODE_ID"] = "ehr_1.0:abcd",
        });

        // Act
        var options = ChaincodeServerOptions.FromConfiguration(configuration);

        // Assert: TLS is off unless CHAINCODE_TLS_DISABLED=false, as in Fabric's CCaaS samples.
        Assert.Equal(("0.0.0.0:9999", "ehr_1.0:abcd"), (options.Address, options.ChaincodeId));
        Assert.Null(options.Tls);
    }

    [Fact]
    public void Tls_options_load_the_pem_files_named_by_the_environment()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        var directory = Directory.CreateTempSubdirectory("ceiba-shim-tls-");
        try
        {
            var cert = Path.Combine(directory.FullName, "server.crt");
            var key = Path.Combine(directory.FullName, "server.key");
            var ca = Path.Combine(directory.FullName, "ca.crt");
            File.WriteAllText(cert, certificates.Server.ExportCertificatePem());
            File.WriteAllText(key, certificates.Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(ca, certificates.Authority.ExportCertificatePem());
            var configuration = Configuration(new()
            {
                ["CHAINCODE_SERVER_ADDRESS"] = "chaincode:9999",
                ["CHAINCODE_ID"] = "ehr_1.0:abcd",
                ["CHAINCODE_TLS_DISABLED"] = "false",
                ["CHAINCODE_TLS_CERT"] = cert,
                ["CHAINCODE_TLS_KEY"] = key,
                ["CHAINCODE_CLIENT_CA_CERT"] = ca,
            });

            // Act
            var options = ChaincodeServerOptions.FromConfiguration(configuration);

            // Assert
            Assert.NotNull(options.Tls);
            Assert.True(options.Tls.Certificate.HasPrivateKey);
            Assert.Equal(certificates.Server.Thumbprint, options.Tls.Certificate.Thumbprint);
            Assert.True(options.Tls.RequireClientCertificate);
            Assert.Equal(certificates.Authority.Thumbprint, options.Tls.ClientCertificateAuthorities![0].Thumbprint);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("CHAINCODE_ID")]
    [InlineData("CHAINCODE_SERVER_ADDRESS")]
    public void A_missing_setting_is_named(string missing)
    {
        // Arrange
        var values = new Dictionary<string, string?> { ["CHAINCODE_SERVER_ADDRESS"] = "0.0.0.0:9999", ["CHAINCODE_ID"] = "ehr_1.0:abcd" };
        values.Remove(missing);

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => ChaincodeServerOptions.FromConfiguration(Configuration(values)));

        // Assert
        Assert.StartsWith($"{missing} is not set", error.Message);
    }

    [Theory]
    [InlineData("0.0.0.0:9999", "0.0.0.0", 9999)]
    [InlineData("[::1]:7052", "::1", 7052)]
    [InlineData("ehr-chaincode.habana:9999", "ehr-chaincode.habana", 9999)]
    public void Addresses_split_into_host_and_port(string address, string host, int port)
    {
        // Act
        var split = Internal.KestrelEndpoint.Split(address);

        // Assert
        Assert.Equal((host, port), split);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("host:")]
    [InlineData("host:70000")]
    public void An_address_without_a_valid_port_is_refused(string address)
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => Internal.KestrelEndpoint.Split(address));

        // Assert
        Assert.Contains("is not host:port", error.Message);
    }

    [Fact]
    public void Building_without_a_chaincode_fails_clearly()
    {
        // Arrange
        var builder = ChaincodeServer.CreateBuilder();
        builder.Options = new ChaincodeServerOptions { Address = "127.0.0.1:0", ChaincodeId = "x:1" };

        // Act
        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        // Assert
        Assert.Contains("UseChaincode", error.Message);
    }

    [Fact]
    public async Task Tls_with_client_authentication_admits_a_peer_with_a_client_certificate()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        var tls = new ChaincodeTlsOptions(certificates.Server, [certificates.Authority]);
        await using var host = await ShimHost.StartAsync(Ct, tls);
        var options = new ChaincodeDriverOptions { ServerCertificateAuthority = certificates.Authority, ClientCertificate = certificates.Client };

        // Act
        await using var driver = await host.ConnectAsync(Ct, options);
        var result = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert
        Assert.Equal(ShimHost.PackageId, driver.ChaincodeId);
        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task Tls_with_client_authentication_turns_away_a_peer_without_a_certificate()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        await using var host = await ShimHost.StartAsync(Ct, new ChaincodeTlsOptions(certificates.Server, [certificates.Authority]));
        var options = new ChaincodeDriverOptions { ServerCertificateAuthority = certificates.Authority };

        // Act
        var error = await Record.ExceptionAsync(() => host.ConnectAsync(Ct, options));

        // Assert
        // The handshake failure surfaces as Unavailable or, when the server resets the half-open HTTP/2 stream, as Internal.
        var rpc = Assert.IsType<Grpc.Core.RpcException>(error);
        Assert.Contains(rpc.StatusCode, new[] { Grpc.Core.StatusCode.Unavailable, Grpc.Core.StatusCode.Internal });
        await using var authenticated = await host.ConnectAsync(Ct, options with { ClientCertificate = certificates.Client });
        Assert.Equal(ShimHost.PackageId, authenticated.ChaincodeId);
    }

    [Fact]
    public async Task Stopping_drains_running_transactions_refuses_new_ones_and_closes_the_stream()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        var driver = await host.ConnectAsync(Ct);
        await using var _ = driver;
        var running = driver.InvokeAsync(Ct, "wait", "drain");
        await host.Chaincode.Reached("drain").Task.WaitAsync(Ct);

        // Act
        var stopping = host.Server.StopAsync(Ct);
        var refused = await RefusedWhileDrainingAsync(driver);
        host.Chaincode.Gate("drain").SetResult();
        var drained = await running;
        await stopping.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        await driver.Completion.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        // Assert
        Assert.Equal(MessageType.Error, refused.Type);
        Assert.Contains("shutting down", refused.Payload.ToStringUtf8());
        Assert.Equal(200, drained.Status);
        Assert.True(driver.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_an_idle_server_closes_peer_streams_at_once()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct, drainTimeout: TimeSpan.FromSeconds(30));
        await using var driver = await host.ConnectAsync(Ct);
        await driver.InvokeAsync(Ct, "put", "k", "v");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        await host.Server.StopAsync(Ct);
        await driver.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Assert: well under the 30 s drain timeout, because nothing was running.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    private static async Task<Network.Protos.Peer.ChaincodeMessage> RefusedWhileDrainingAsync(ChaincodeDriver driver)
    {
        // The stop signal reaches the stream asynchronously: retry until the shim is draining.
        // txinfo sends no requests to the peer, so a raw send-and-receive sees its COMPLETED directly.
        for (var attempt = 0; ; attempt++)
        {
            var reply = await driver.SendAndReceiveAsync(HandshakeTests.Transaction(driver.NewProposal("txinfo")), Ct);
            if (reply.Type == MessageType.Error || attempt == 50)
            {
                return reply;
            }
            await Task.Delay(20, Ct);
        }
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
