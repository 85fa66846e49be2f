using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Gateway.Client.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>
/// TLS as an application sets it up with standard .NET APIs: a channel whose custom trust store holds the org's TLS
/// CA reaches the peer; one that trusts another org's TLS CA fails with an error that says the peer's certificate does not chain to it.
/// </summary>
public sealed class EmbeddedTlsTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task A_channel_that_trusts_the_org_tls_ca_reaches_the_peer()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var channel = TlsChannel(peer: 0, trustedCaOfPeer: 0);
        var contract = Gateway.Connect(fixture.Doctor, channel).GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode);

        // Act
        var page = await contract.EvaluateTransactionAsync("ListPersons", ProposalOptions.FromArguments("10"), ct);

        // Assert
        Assert.Contains("\"records\"", System.Text.Encoding.UTF8.GetString(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_trusts_another_orgs_tls_ca_fails_with_a_certificate_chain_error()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var channel = TlsChannel(peer: 0, trustedCaOfPeer: 1);
        var contract = Gateway.Connect(fixture.Doctor, channel).GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode);

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(() => contract.EvaluateTransactionAsync("ListPersons", ProposalOptions.FromArguments("10"), ct));

        // Assert
        Assert.Equal(StatusCode.Internal, error.StatusCode); // Grpc.Net.Client's code for a failed TLS handshake
        Assert.Equal(GatewayStage.Evaluate, error.Stage);
        Assert.Contains("The SSL connection could not be established", error.Message, StringComparison.Ordinal);
        Assert.Contains("remote certificate is invalid because of errors in the certificate chain", error.Message, StringComparison.Ordinal);
    }

    private GrpcChannel TlsChannel(int peer, int trustedCaOfPeer)
    {
        var config = fixture.Network.Config(fixture.Network.PeerNames[peer]);
        var trusted = fixture.Network.Config(fixture.Network.PeerNames[trustedCaOfPeer]);
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(fixture.Network.Root, trusted.TlsDirectory, "ca.crt"));
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(ca);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { TargetHost = config.HostName, CertificateChainPolicy = policy },
        };
        return GrpcChannel.ForAddress($"https://localhost:{config.Listen.Port}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
