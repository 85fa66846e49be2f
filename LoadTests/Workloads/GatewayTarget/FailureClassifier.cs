using Ceiba.LoadTests.Engine;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>Maps Gateway client outcomes to the report's failure kinds.</summary>
internal static class FailureClassifier
{
    /// <summary>A committed transaction's validation code: VALID, an MVCC or phantom read conflict, or another code.</summary>
    public static FailureKind FromValidationCode(TxValidationCode code) => code switch
    {
        TxValidationCode.Valid => FailureKind.None,
        TxValidationCode.MvccReadConflict or TxValidationCode.PhantomReadConflict => FailureKind.Mvcc,
        _ => FailureKind.OtherValidation,
    };

    /// <summary>
    /// A failed call: a passed deadline is a timeout whatever the stage; otherwise an endorse (or evaluate) failure is an
    /// endorsement failure, and anything else (the orderer refusing the submit, a commit status that could not be read,
    /// a broken connection) is "other".
    /// </summary>
    public static FailureKind FromException(Exception exception) => exception switch
    {
        GatewayException { StatusCode: StatusCode.DeadlineExceeded } => FailureKind.Timeout,
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => FailureKind.Timeout,
        EndorseException => FailureKind.Endorsement,
        GatewayException { Stage: GatewayStage.Evaluate } => FailureKind.Endorsement,
        _ => FailureKind.Other,
    };

    /// <summary>The chaincode status in a gateway error ("chaincode response 404, ..."), or null when it carries none.</summary>
    public static int? ChaincodeStatus(Exception exception)
    {
        const string marker = "chaincode response ";
        var texts = exception is GatewayException gateway ? gateway.Details.Select(d => d.Message).Append(gateway.Message) : [exception.Message];
        foreach (var text in texts)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && text.Length >= at + marker.Length + 3 && int.TryParse(text.AsSpan(at + marker.Length, 3), out var status))
            {
                return status;
            }
        }

        return null;
    }
}
