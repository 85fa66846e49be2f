using Ceiba.Network.Msp;
using Grpc.Core;

namespace Ceiba.Network.Msp.Tests;

public sealed class ServerCallEndsTests
{
    [Fact]
    public void A_reset_or_dropped_connection_is_the_client_going_away_even_before_the_call_is_cancelled()
    {
        // Arrange
        var open = new Call(cancelled: false);

        // Act
        var gone = ServerCallEnds.IsClientGone(new IOException("The client reset the request stream."), open);

        // Assert
        Assert.True(gone);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_read_refused_after_the_request_completed_or_a_cancelled_read_is_routine_only_once_the_call_is_cancelled(bool cancelled)
    {
        // Arrange
        var call = new Call(cancelled);

        // Act
        var refusedRead = ServerCallEnds.IsClientGone(new InvalidOperationException("Can't read messages after the request is complete."), call);
        var cancelledRead = ServerCallEnds.IsClientGone(new OperationCanceledException(), call);

        // Assert
        Assert.Equal(cancelled, refusedRead);
        Assert.Equal(cancelled, cancelledRead);
    }

    [Fact]
    public void Any_other_exception_is_a_fault_of_the_node_even_when_the_call_is_cancelled()
    {
        // Arrange
        var cancelled = new Call(cancelled: true);

        // Act
        var gone = ServerCallEnds.IsClientGone(new NullReferenceException(), cancelled);

        // Assert
        Assert.False(gone);
    }

    /// <summary>A call whose only state is whether it is cancelled.</summary>
    private sealed class Call(bool cancelled) : ServerCallContext
    {
        protected override string MethodCore => "/orderer.AtomicBroadcast/Broadcast";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore => [];

        protected override CancellationToken CancellationTokenCore => new(cancelled);

        protected override Metadata ResponseTrailersCore => [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
