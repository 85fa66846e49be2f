using Ceiba.Gateway.Client.Tests.Support;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>Submitting while the only orderer is down: a SubmitException with Unavailable and one detail per orderer. This class stops its network's orderer.</summary>
public sealed class EmbeddedUnreachableOrdererTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task Submitting_with_the_orderer_stopped_is_a_submit_exception_with_unavailable_and_the_orderer_named()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var endorsed = await fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId()))).EndorseAsync(ct);
        var orderer = fixture.Network.Config(fixture.Network.OrdererNames[0]);
        await fixture.Embedded.Orderers[0].DisposeAsync();

        // Act
        var error = await Assert.ThrowsAsync<SubmitException>(() => endorsed.SubmitAsync(ct));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(endorsed.TransactionId, error.TransactionId);
        var detail = Assert.Single(error.Details);
        Assert.Contains(orderer.Listen.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), detail.Address, StringComparison.Ordinal);
    }
}
