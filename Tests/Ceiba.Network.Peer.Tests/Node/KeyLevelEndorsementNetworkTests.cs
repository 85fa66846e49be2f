using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Google.Protobuf;
using MSPRoleType = Ceiba.Network.Protos.Common.MSPRole.Types.MSPRoleType;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>
/// Key-level endorsement end to end on cuba-3 (MAJORITY of three orgs): a chaincode sets a key's VALIDATION_PARAMETER
/// through the shim; from then on only that policy decides writes of the key, on every peer.
/// </summary>
public sealed class KeyLevelEndorsementNetworkTests(ThreeOrgNetworkFixture fixture) : IClassFixture<ThreeOrgNetworkFixture>
{
    [Fact]
    public async Task A_key_policy_set_by_the_chaincode_overrides_the_majority_policy_for_that_key()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var orgs = fixture.Network.Topology.Orgs.Select(o => o.MspId).ToList();
        var santiago = orgs.Single(o => o == "SantiagoMSP");
        var others = orgs.Where(o => o != santiago).ToList();
        await gateway.SubmitAndWaitAsync(ct, "put", "sbe-record", "v1");

        // Act
        var set = await SubmitAsync(gateway, client, null, ct, "setpolicy", "sbe-record", santiago);
        var policy = await gateway.EvaluateAsync(ct, "getpolicy", "sbe-record");
        var byMajority = await SubmitAsync(gateway, client, others, ct, "put", "sbe-record", "v2");
        var byTheKeysOrg = await SubmitAsync(gateway, client, [santiago], ct, "put", "sbe-record", "v3");
        var plainByOneOrg = await SubmitAsync(gateway, client, [santiago], ct, "put", "sbe-plain", "x");

        // Assert
        Assert.Equal(TxValidationCode.Valid, set.Result);
        Assert.Equal(PolicyEncoding.AnyOf(santiago, MSPRoleType.Peer).ToByteString(), policy.Payload);
        Assert.Equal(TxValidationCode.EndorsementPolicyFailure, byMajority.Result);
        Assert.Equal(TxValidationCode.Valid, byTheKeysOrg.Result);
        Assert.Equal(TxValidationCode.EndorsementPolicyFailure, plainByOneOrg.Result);
        foreach (var peer in fixture.Peers)
        {
            var ledger = peer.GetChannel(fixture.Network.Channel).Ledger;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await ledger.WaitForBlockAsync(byTheKeysOrg.BlockNumber, timeout.Token);
            Assert.Equal("v3"u8.ToArray(), ledger.GetState(TestTransactions.Chaincode, "sbe-record")!.Value);
            Assert.Equal(policy.Payload.ToByteArray(), ledger.GetValidationParameter(TestTransactions.Chaincode, "sbe-record"));
        }
    }

    private async Task<CommitStatusResponse> SubmitAsync(GatewayCalls gateway, Ceiba.Network.Msp.SigningIdentity client, IEnumerable<string>? orgs, CancellationToken cancellationToken, params string[] args)
    {
        var (txId, envelope) = await gateway.EndorseAsync(cancellationToken, orgs, args);
        await gateway.Client.SubmitAsync(new SubmitRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, PreparedTransaction = envelope }, cancellationToken: cancellationToken);
        return await gateway.CommitStatusAsync(txId, client, cancellationToken);
    }
}
