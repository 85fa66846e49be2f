using System.Diagnostics;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>The client's activity source: one client span per stage, tagged with the transaction, channel and chaincode.</summary>
internal static class StageTracing
{
    private static readonly ActivitySource Source = new(GatewayDiagnostics.ActivitySourceName, typeof(StageTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the stage's activity, or returns null when nobody listens (no allocation then).</summary>
    public static Activity? Start(GatewayStage stage, string transactionId, string channel, string chaincode)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(StageName(stage), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            if (transactionId.Length > 0)
            {
                activity.SetTag(GatewayDiagnostics.TransactionIdTag, transactionId);
            }

            activity.SetTag(GatewayDiagnostics.ChannelTag, channel);
            activity.SetTag(GatewayDiagnostics.ChaincodeTag, chaincode);
        }

        return activity;
    }

    /// <summary>Marks the activity failed with the exception's type and message.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag("error.type", exception.GetType().FullName);
    }

    private static string StageName(GatewayStage stage) => stage switch
    {
        GatewayStage.Evaluate => "Evaluate",
        GatewayStage.Endorse => "Endorse",
        GatewayStage.Submit => "Submit",
        GatewayStage.CommitStatus => "CommitStatus",
        GatewayStage.ChaincodeEvents => "ChaincodeEvents",
        _ => "BlockEvents",
    };
}
