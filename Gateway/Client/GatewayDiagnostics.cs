namespace Ceiba.Gateway.Client;

/// <summary>
/// Names for observing the client. Add <see cref="ActivitySourceName"/> to an OpenTelemetry tracer provider
/// to get one span per stage (Evaluate, Endorse, Submit, CommitStatus, ChaincodeEvents), each a child of the
/// caller's current activity and tagged with the transaction ID, channel and chaincode.
/// </summary>
public static class GatewayDiagnostics
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Ceiba.Gateway.Client";

    /// <summary>The tag holding the transaction ID.</summary>
    public const string TransactionIdTag = "fabric.transaction_id";

    /// <summary>The tag holding the channel name.</summary>
    public const string ChannelTag = "fabric.channel";

    /// <summary>The tag holding the chaincode name.</summary>
    public const string ChaincodeTag = "fabric.chaincode";
}
