using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Grpc.Core;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>Evaluate with <c>target_organizations</c>: the gateway runs the proposal on a peer of a named org, not on itself.</summary>
public sealed class EvaluateTargetOrganizationsTests(ThreeOrgNetworkFixture fixture) : IClassFixture<ThreeOrgNetworkFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Evaluate_runs_on_the_peer_of_the_target_organization(int targetOrg)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var target = fixture.Network.Topology.Orgs[targetOrg].MspId;
        var (signed, txId) = gateway.Propose("fail", "418", "teapot");
        var request = new EvaluateRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, ProposedTransaction = signed };
        request.TargetOrganizations.Add(target);

        // Act: a chaincode error names the peer that ran the proposal.
        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EvaluateAsync(request, cancellationToken: ct));

        // Assert
        var detail = error.GetRpcStatus()!.GetDetail<ErrorDetail>()!;
        Assert.Equal(target, detail.MspId);
        Assert.Contains(fixture.Network.PeerNames.Select(fixture.Network.Config).Single(c => c.MspId == target).Listen.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), detail.Address, StringComparison.Ordinal);
        Assert.Contains("chaincode response 418, teapot", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_for_a_target_organization_the_gateway_does_not_know_is_unavailable_and_names_it()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var (signed, txId) = gateway.Propose("get", "anything");
        var request = new EvaluateRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, ProposedTransaction = signed };
        request.TargetOrganizations.Add("AtlantisMSP");

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EvaluateAsync(request, cancellationToken: ct));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("AtlantisMSP", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("no peer of AtlantisMSP is known", error.GetRpcStatus()!.GetDetail<ErrorDetail>()!.Message);
    }

    [Fact]
    public async Task Evaluate_that_targets_the_gateways_own_organization_runs_locally()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var own = fixture.Network.Topology.Orgs[0].MspId;
        var (signed, txId) = gateway.Propose("fail", "404", "missing");
        var request = new EvaluateRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, ProposedTransaction = signed };
        request.TargetOrganizations.Add(own);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EvaluateAsync(request, cancellationToken: ct));

        // Assert
        Assert.Equal(own, error.GetRpcStatus()!.GetDetail<ErrorDetail>()!.MspId);
    }
}
