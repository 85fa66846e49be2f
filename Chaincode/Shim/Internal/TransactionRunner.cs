using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// Runs one INIT or TRANSACTION: decodes it, builds the stub, calls the chaincode and answers COMPLETED,
/// or ERROR when the message is unusable or the chaincode throws. Never throws itself.
/// </summary>
internal sealed class TransactionRunner(IChaincode chaincode, ILogger logger)
{
    public async Task<ChaincodeMessage> RunAsync(TransactionContext context, ChaincodeMessage message)
    {
        var key = context.Key;
        Log.TransactionStarted(logger, key.ChannelId, key.TxId, message.Type);
        TransactionStub stub;
        try
        {
            var input = ChaincodeInput.Parser.ParseFrom(message.Payload.Span);
            stub = new TransactionStub(context, input, ProposalContext.Parse(message.Proposal));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidProposalException)
        {
            var reason = e is InvalidProtocolBufferException ? $"payload is not a ChaincodeInput: {e.Message}" : e.Message;
            Log.TransactionMalformed(logger, key.ChannelId, key.TxId, message.Type, reason);
            return Messages.Error(key.ChannelId, key.TxId, $"[{key}] cannot run {Messages.Name(message.Type)}: {reason}");
        }

        try
        {
            var response = message.Type == MessageType.Init
                ? await chaincode.InitAsync(stub).ConfigureAwait(false)
                : await chaincode.InvokeAsync(stub).ConfigureAwait(false);
            response ??= ChaincodeResponse.Error($"[{key}] the chaincode returned no response");
            Log.TransactionCompleted(logger, key.ChannelId, key.TxId, response.Status);
            return Messages.Completed(key, response, stub.Event);
        }
        catch (Exception e)
        {
            // The full exception stays in the chaincode's log; the peer (and so the client) gets the message only.
            Log.TransactionFailed(logger, key.ChannelId, key.TxId, e);
            return Messages.Error(key.ChannelId, key.TxId, e.Message);
        }
    }
}
