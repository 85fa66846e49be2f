using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Gateway;

namespace Ceiba.Gateway.Client;

/// <summary>A transaction the orderers accepted: its endorsed result, and the commit status to wait for.</summary>
public sealed class SubmittedTransaction : Commit
{
    private readonly Transaction _transaction;

    internal SubmittedTransaction(
        ClientContext context,
        SignedCommitStatusRequest request,
        string transactionId,
        string channelName,
        string chaincodeName,
        StageTimings timings,
        Transaction transaction)
        : base(context, request, transactionId, channelName, chaincodeName, timings)
    {
        _transaction = transaction;
    }

    /// <summary>The chaincode's result, as endorsed.</summary>
    public byte[] Result => _transaction.Result;
}
