using Ceiba.Network.Peer.Chaincode.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Network.Peer.Chaincode;

/// <summary>
/// Runs chaincode for the endorser over CCaaS: dials each chaincode server on first use (and again
/// after it restarts), sends TRANSACTION with the signed proposal, serves the chaincode's state
/// requests against committed state while recording the read-write set, and applies an execute timeout.
/// </summary>
/// <param name="endpoints">The chaincode servers, by chaincode name.</param>
/// <param name="executeTimeout">How long one execution may take; Fabric's default is 30 s.</param>
public sealed class ChaincodeLauncher(IEnumerable<ChaincodeEndpoint> endpoints, TimeSpan? executeTimeout = null) : IAsyncDisposable
{
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, ChaincodeEndpoint> _endpoints = endpoints.ToDictionary(e => e.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, ChaincodeStream> _streams = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly TimeSpan _executeTimeout = executeTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The endpoint of <paramref name="chaincode"/>, or null when this peer does not run it.</summary>
    public ChaincodeEndpoint? Find(string chaincode) => _endpoints.GetValueOrDefault(chaincode);

    /// <summary>Executes a proposal's chaincode invocation against <paramref name="ledger"/>'s committed state.</summary>
    /// <exception cref="ChaincodeExecutionException">The chaincode is unknown, unreachable, too slow, or failed.</exception>
    public async Task<ChaincodeResult> ExecuteAsync(
        string channelId, string txId, string chaincode, SignedProposal proposal, ChaincodeInput input, PeerLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ledger);
        var stream = await StreamAsync(chaincode, cancellationToken).ConfigureAwait(false);
        var inbox = stream.Begin(channelId, txId);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_executeTimeout);
            var simulator = new StateSimulator(ledger, chaincode);
            stream.Send(new ChaincodeMessage
            {
                Type = input.IsInit ? MessageType.Init : MessageType.Transaction,
                Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                Payload = input.ToByteString(),
                Txid = txId,
                ChannelId = channelId,
                Proposal = proposal,
            });
            while (true)
            {
                var message = await inbox.ReadAsync(deadline.Token).ConfigureAwait(false);
                switch (message.Type)
                {
                    case MessageType.Completed:
                        return Completed(message, chaincode, txId, simulator);
                    case MessageType.Error:
                        return new ChaincodeResult(new Response { Status = 500, Message = message.Payload.ToStringUtf8() }, null, RwSet(chaincode, simulator));
                    default:
                        var (type, payload) = simulator.Serve(message);
                        stream.Send(new ChaincodeMessage { Type = type, Payload = payload, Txid = txId, ChannelId = channelId });
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChaincodeExecutionException($"chaincode {chaincode} did not complete transaction {txId} within {_executeTimeout.TotalSeconds:0.#} s");
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new ChaincodeExecutionException($"chaincode {chaincode} sent a malformed COMPLETED for transaction {txId}: {error.Message}", error);
        }
        catch (System.Threading.Channels.ChannelClosedException error)
        {
            throw new ChaincodeExecutionException($"chaincode {chaincode} went away during transaction {txId}: {error.InnerException?.Message ?? error.Message}", error);
        }
        finally
        {
            stream.End(channelId, txId);
        }
    }

    /// <summary>Dials <paramref name="chaincode"/> unless already connected; false when it cannot be reached.</summary>
    public async Task<bool> ConnectAsync(string chaincode, CancellationToken cancellationToken)
    {
        try
        {
            await StreamAsync(chaincode, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChaincodeExecutionException)
        {
            return false;
        }
    }

    /// <summary>The chaincodes this peer runs.</summary>
    public IEnumerable<string> Chaincodes => _endpoints.Keys;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams.Values)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        _streams.Clear();
        _connectGate.Dispose();
    }

    private static ChaincodeResult Completed(ChaincodeMessage message, string chaincode, string txId, StateSimulator simulator)
    {
        var response = Response.Parser.ParseFrom(message.Payload.Span);
        var chaincodeEvent = message.ChaincodeEvent is { EventName.Length: > 0 } e
            ? new ChaincodeEvent { ChaincodeId = chaincode, TxId = txId, EventName = e.EventName, Payload = e.Payload }
            : null;
        return new ChaincodeResult(response, chaincodeEvent, RwSet(chaincode, simulator));
    }

    private static TxReadWriteSet RwSet(string chaincode, StateSimulator simulator)
    {
        var rwSet = new TxReadWriteSet { DataModel = TxReadWriteSet.Types.DataModel.Kv };
        rwSet.NsRwset.Add(new NsReadWriteSet { Namespace = chaincode, Rwset = simulator.ToRwSet().ToByteString() });
        return rwSet;
    }

    private async Task<ChaincodeStream> StreamAsync(string chaincode, CancellationToken cancellationToken)
    {
        var endpoint = Find(chaincode) ?? throw new ChaincodeExecutionException($"chaincode {chaincode} is not served by this peer");
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_streams.TryGetValue(chaincode, out var stream) && stream.IsOpen)
            {
                return stream;
            }

            if (stream is not null)
            {
                _streams.Remove(chaincode);
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            return _streams[chaincode] = await ChaincodeStream.ConnectAsync(endpoint, DialTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectGate.Release();
        }
    }
}
