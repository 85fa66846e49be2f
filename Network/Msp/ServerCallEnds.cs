using Grpc.Core;

namespace Ceiba.Network.Msp;

/// <summary>Tells a stream handler's routine end (the client reset the stream or dropped the connection) from a fault of the node.</summary>
public static class ServerCallEnds
{
    /// <summary>
    /// True when <paramref name="exception"/> only says that the client went away: an <see cref="IOException"/> from
    /// a reset or dropped connection, or, once the call is cancelled, the <see cref="OperationCanceledException"/> or
    /// the <see cref="InvalidOperationException"/> ("Can't read messages after the request is complete") that gRPC
    /// throws from a read or write that raced the reset.
    /// </summary>
    /// <param name="exception">What the handler's read or write threw.</param>
    /// <param name="context">The call.</param>
    public static bool IsClientGone(Exception exception, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        return exception switch
        {
            IOException => true,
            OperationCanceledException or InvalidOperationException => context.CancellationToken.IsCancellationRequested,
            _ => false,
        };
    }
}
