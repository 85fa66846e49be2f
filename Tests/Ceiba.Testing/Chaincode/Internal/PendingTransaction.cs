using Ceiba.Network.Protos.Peer;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Testing.Chaincode.Internal;

/// <summary>A transaction the driver sent and is serving until the chaincode answers COMPLETED or ERROR.</summary>
internal sealed class PendingTransaction(TestProposal proposal, TransactionSimulator simulator, bool commit)
{
    private readonly TaskCompletionSource<TransactionResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestProposal Proposal => proposal;

    public TransactionSimulator Simulator => simulator;

    public Task<TransactionResult> Result => _result.Task;

    public void Finish(ChaincodeMessage message, InMemoryLedger ledger)
    {
        Response? response = null;
        string? errorText = null;
        if (message.Type == MessageType.Completed)
        {
            try
            {
                response = Response.Parser.ParseFrom(message.Payload);
            }
            catch (Google.Protobuf.InvalidProtocolBufferException e)
            {
                errorText = $"COMPLETED payload is not a Response: {e.Message}";
            }
        }
        else
        {
            errorText = message.Payload.ToStringUtf8();
        }
        if (commit && response is { Status: < 400 })
        {
            ledger.Commit(proposal.TxId, proposal.Timestamp, simulator.Writes, simulator.MetadataWrites);
        }
        _result.TrySetResult(new TransactionResult(
            proposal.TxId, message.Type, response, message.ChaincodeEvent, errorText,
            simulator.Writes, simulator.MetadataWrites, simulator.Requests, simulator.OpenQueries, simulator.EarlyCloses));
    }

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
