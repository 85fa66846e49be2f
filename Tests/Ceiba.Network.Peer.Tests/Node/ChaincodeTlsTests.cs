using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Topology.Generation.Nodes;
using Ceiba.Testing.Fabric;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>The peer dials the chaincode server of its node config with TLS (and client auth) when the config says so.</summary>
public sealed class ChaincodeTlsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_peer_with_tlsRootCert_endorses_on_a_tls_chaincode_server_and_the_transaction_commits_valid(bool clientAuth)
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        var peerTlsCa = Path.Combine(network.Root, network.Config(peer).TlsDirectory, "ca.crt");
        await using var chaincode = await TlsChaincodeServer.StartAsync(network.Root, clientAuth ? peerTlsCa : null, cancellationToken);
        RewriteChaincode(network, peer, chaincode.Address, TlsChaincodeServer.RootCertPath, clientAuth);
        await using var orderer = await StartOrdererAsync(network, cancellationToken);
        await using var node = await PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        using var client = network.Client();
        using var channel = PeerChannel(network, peer);
        var gateway = new GatewayCalls(channel, client, network.Channel);
        var personId = clientAuth ? 12 : 11;

        // Act
        var status = await gateway.SubmitAndWaitAsync(cancellationToken, "CreatePerson", PersonJson(personId));
        var read = await gateway.EvaluateAsync(cancellationToken, "GetPerson", personId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(TxValidationCode.Valid, status.Result);
        Assert.Equal(200, read.Status);
        Assert.Equal(personId, JsonNode.Parse(read.Payload.ToStringUtf8())!["person_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_peer_trusting_the_wrong_ca_does_not_endorse_and_keeps_serving()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        await using var chaincode = await TlsChaincodeServer.StartAsync(network.Root, clientCaPath: null, cancellationToken);
        await TlsChaincodeServer.WriteUnrelatedCaAsync(network.Root, "chaincode-tls/stranger-ca.crt", cancellationToken);
        RewriteChaincode(network, peer, chaincode.Address, "chaincode-tls/stranger-ca.crt", clientAuth: false);
        await using var orderer = await StartOrdererAsync(network, cancellationToken);
        await using var node = await PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        using var client = network.Client();
        using var channel = PeerChannel(network, peer);
        var gateway = new GatewayCalls(channel, client, network.Channel);

        // Act
        var endorseError = await Assert.ThrowsAsync<RpcException>(() => gateway.EndorseAsync(cancellationToken, null, "CreatePerson", PersonJson(13)));
        var evaluateError = await Assert.ThrowsAsync<RpcException>(() => gateway.EvaluateAsync(cancellationToken, "GetPerson", "13"));

        // Assert
        Assert.Equal(StatusCode.Aborted, endorseError.StatusCode);
        var detail = endorseError.GetRpcStatus()!.GetDetail<ErrorDetail>();
        Assert.Contains($"cannot connect to chaincode ehr at {chaincode.Address}", detail.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unknown, evaluateError.StatusCode);
        Assert.Contains("chaincode ehr", evaluateError.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_without_tlsClientAuth_is_refused_by_a_chaincode_server_that_requires_client_certificates()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        var peerTlsCa = Path.Combine(network.Root, network.Config(peer).TlsDirectory, "ca.crt");
        await using var chaincode = await TlsChaincodeServer.StartAsync(network.Root, peerTlsCa, cancellationToken);
        RewriteChaincode(network, peer, chaincode.Address, TlsChaincodeServer.RootCertPath, clientAuth: false);
        await using var orderer = await StartOrdererAsync(network, cancellationToken);
        await using var node = await PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        using var client = network.Client();
        using var channel = PeerChannel(network, peer);
        var gateway = new GatewayCalls(channel, client, network.Channel);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => gateway.EndorseAsync(cancellationToken, null, "CreatePerson", PersonJson(14)));

        // Assert
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains($"chaincode ehr at {chaincode.Address}", error.GetRpcStatus()!.GetDetail<ErrorDetail>().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsClientAuth_without_tlsRootCert_stops_the_peer_with_the_field()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        var config = network.Config(peer);
        var chaincode = config.Chaincodes[0] with { TlsClientAuth = true };
        await File.WriteAllTextAsync(network.NodeConfig(peer), (config with { Chaincodes = [chaincode, .. config.Chaincodes.Skip(1)] }).ToJson(), cancellationToken);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken));

        // Assert
        Assert.Contains("chaincodes[0].tlsClientAuth: true needs chaincodes[0].tlsRootCert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_tlsRootCert_file_stops_the_peer_with_the_field_and_the_path()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        RewriteChaincode(network, peer, "127.0.0.1:7052", "chaincode-tls/no-such-ca.crt", clientAuth: false);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken));

        // Assert
        Assert.Contains("chaincodes[0].tlsRootCert", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(network.Root, "chaincode-tls", "no-such-ca.crt"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist; expected a PEM or DER certificate of the CA that signed chaincode ehr's TLS server certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_network_peer_command_reports_a_missing_tlsRootCert_file_without_a_stack_trace()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        RewriteChaincode(network, peer, "127.0.0.1:7052", "chaincode-tls/no-such-ca.crt", clientAuth: false);
        using var process = NetworkHost.Start("peer", "--config", network.NodeConfig(peer));

        // Act
        var standardError = await process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("chaincodes[0].tlsRootCert: " + Path.Combine(network.Root, "chaincode-tls", "no-such-ca.crt") + " does not exist", standardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", standardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tlsRootCert_file_that_is_not_a_certificate_stops_the_peer_with_the_field_and_the_path()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        var path = Path.Combine(network.Root, "chaincode-tls", "garbage.crt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "not a certificate", cancellationToken);
        RewriteChaincode(network, peer, "127.0.0.1:7052", "chaincode-tls/garbage.crt", clientAuth: false);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PeerNode.StartAsync(network.NodeConfig(peer), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken));

        // Assert
        Assert.Contains("chaincodes[0].tlsRootCert: cannot read " + path, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a PEM or DER certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tls_fields_round_trip_through_the_node_config_json_and_plaintext_configs_do_not_carry_them()
    {
        // Arrange
        using var network = TestNetwork.Generate("seed");
        var peer = network.PeerNames[0];
        var generated = File.ReadAllText(network.NodeConfig(peer));

        // Act
        RewriteChaincode(network, peer, "127.0.0.1:7052", TlsChaincodeServer.RootCertPath, clientAuth: true);
        var reloaded = network.Config(peer).Chaincodes[0];

        // Assert
        Assert.DoesNotContain("tlsRootCert", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("tlsClientAuth", generated, StringComparison.Ordinal);
        Assert.Equal((TlsChaincodeServer.RootCertPath, true), (reloaded.TlsRootCert, reloaded.TlsClientAuth));
        Assert.Contains("\"tlsRootCert\": \"chaincode-tls/ca.crt\"", File.ReadAllText(network.NodeConfig(peer)), StringComparison.Ordinal);
    }

    private static void RewriteChaincode(TestNetwork network, string peer, string address, string rootCert, bool clientAuth)
    {
        var config = network.Config(peer);
        var chaincode = config.Chaincodes[0] with { Address = address, TlsRootCert = rootCert, TlsClientAuth = clientAuth };
        File.WriteAllText(network.NodeConfig(peer), (config with { Chaincodes = [chaincode, .. config.Chaincodes.Skip(1)] }).ToJson());
    }

    private static Task<OrdererNode> StartOrdererAsync(TestNetwork network, CancellationToken cancellationToken) =>
        OrdererNode.StartAsync(network.NodeConfig(network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, cancellationToken);

    private static Grpc.Net.Client.GrpcChannel PeerChannel(TestNetwork network, string peer)
    {
        var config = network.Config(peer);
        return GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
    }

    private static string PersonJson(long personId) => JsonSerializer.Serialize(
        new Person { PersonId = personId, GenderConceptId = 8532, YearOfBirth = 1984, MonthOfBirth = 2, DayOfBirth = 29, RaceConceptId = 1546847, EthnicityConceptId = 38003563, CareSiteId = 301, Province = "03" },
        EhrJsonContext.Default.Person);

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
