using System.Diagnostics;
using Grpc.Core;

namespace Ceiba.Network.Peer;

/// <summary>
/// The peer's traces: one server span per gateway and endorser call, continuing the caller's W3C trace context (the
/// <c>traceparent</c>/<c>tracestate</c> headers the Ceiba gateway client, or any OpenTelemetry-instrumented client,
/// sends). Add <see cref="ActivitySourceName"/> to an OpenTelemetry tracer provider to export them.
/// </summary>
public static class PeerTracing
{
    /// <summary>The name of the peer's <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Ceiba.Network.Peer";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>
    /// Starts the span of one call, or returns null when nobody listens. Its parent is the current activity (when the
    /// host already continued the trace), otherwise the call's <c>traceparent</c> header, otherwise none.
    /// </summary>
    internal static Activity? StartServerSpan(string name, ServerCallContext context)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = Activity.Current?.Context ?? default;
        if (Activity.Current is null && context.RequestHeaders.GetValue("traceparent") is { } traceparent)
        {
            ActivityContext.TryParse(traceparent, context.RequestHeaders.GetValue("tracestate"), isRemote: true, out parent);
        }

        return Source.StartActivity(name, ActivityKind.Server, parent);
    }

    /// <summary>Marks a span failed with the gRPC status of the error.</summary>
    internal static void Fail(Activity? activity, RpcException error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, $"{error.StatusCode}: {error.Status.Detail}");
    }
}
