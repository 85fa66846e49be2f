using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Ceiba.Network.Protos.Peer;
using Ceiba.Testing.Chaincode.Internal;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Testing.Chaincode;

/// <summary>
/// Plays the peer side of <c>protos.Chaincode/Connect</c> (chaincode-as-a-service) against any chaincode server
/// over real gRPC: dials it, expects REGISTER, sends REGISTERED and READY, sends TRANSACTION messages with real
/// signed proposals, serves the chaincode's requests from an <see cref="InMemoryLedger"/> and collects
/// COMPLETED or ERROR. Raw messages can be sent to test malformed and out-of-order traffic.
/// </summary>
public sealed partial class ChaincodeDriver : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> _call;
    private readonly ChaincodeDriverOptions _options;
    private readonly Channel<ChaincodeMessage> _outgoing = Channel.CreateUnbounded<ChaincodeMessage>(new() { SingleReader = true });
    private readonly Channel<ChaincodeMessage> _unsolicited = Channel.CreateUnbounded<ChaincodeMessage>();
    private readonly ConcurrentDictionary<(string, string), PendingTransaction> _running = new();
    private readonly ConcurrentDictionary<(string, string), TaskCompletionSource<ChaincodeMessage>> _rawWaiters = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;

    private ChaincodeDriver(GrpcChannel channel, AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> call, InMemoryLedger ledger, ChaincodeDriverOptions options)
    {
        _channel = channel;
        _call = call;
        Ledger = ledger;
        _options = options;
        Identity = TestIdentity.Create(attributes: new Dictionary<string, string> { ["role"] = "doctor" });
    }

    /// <summary>The package id the chaincode sent in REGISTER.</summary>
    public string ChaincodeId { get; private set; } = string.Empty;

    /// <summary>The ledger the driver serves and commits to.</summary>
    public InMemoryLedger Ledger { get; }

    /// <summary>The identity the convenience overloads sign with (attribute role=doctor).</summary>
    public TestIdentity Identity { get; }

    /// <summary>Completes when the chaincode server has ended the stream.</summary>
    public Task Completion => _reading;

    /// <summary>Dials <paramref name="address"/> (host:port), reads REGISTER and, unless told not to, completes the handshake.</summary>
    public static async Task<ChaincodeDriver> ConnectAsync(
        string address, InMemoryLedger? ledger = null, ChaincodeDriverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        options ??= new ChaincodeDriverOptions();
        var channel = CreateChannel(address, options);
        var call = new Network.Protos.Peer.Chaincode.ChaincodeClient(channel).Connect(cancellationToken: CancellationToken.None);
        var driver = new ChaincodeDriver(channel, call, ledger ?? new InMemoryLedger(), options);
        try
        {
            await driver.ReadRegisterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        driver._writing = driver.WriteLoopAsync();
        driver._reading = driver.ReadLoopAsync();
        if (options.CompleteHandshake)
        {
            driver.Send(new ChaincodeMessage { Type = MessageType.Registered });
            driver.Send(new ChaincodeMessage { Type = MessageType.Ready });
        }
        return driver;
    }

    /// <summary>Sends a TRANSACTION (or INIT) for <paramref name="proposal"/>, serves it and returns the chaincode's answer.</summary>
    /// <param name="proposal">The signed proposal.</param>
    /// <param name="commit">Commit the writes to <see cref="Ledger"/> when the status is below 400.</param>
    /// <param name="type">TRANSACTION or INIT.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<TransactionResult> InvokeAsync(
        TestProposal proposal, bool commit = true, MessageType type = MessageType.Transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var pending = new PendingTransaction(proposal, new TransactionSimulator(Ledger, _options.ChaincodeName, _options.BatchSize), commit);
        if (!_running.TryAdd((proposal.ChannelId, proposal.TxId), pending))
        {
            throw new InvalidOperationException($"Transaction {proposal.TxId} is already running on this driver.");
        }
        Send(new ChaincodeMessage
        {
            Type = type,
            Payload = proposal.Input.ToByteString(),
            Txid = proposal.TxId,
            ChannelId = proposal.ChannelId,
            Proposal = proposal.SignedProposal,
        });
        return pending.Result.WaitAsync(cancellationToken);
    }

    /// <summary>Builds a proposal with <see cref="Identity"/> on the default channel, invokes it and commits.</summary>
    public Task<TransactionResult> InvokeAsync(CancellationToken cancellationToken, params string[] args) =>
        InvokeAsync(TestProposal.Create(Identity, _options.ChannelId, _options.ChaincodeName, args), cancellationToken: cancellationToken);

    /// <summary>Builds a proposal for the default channel and chaincode, signed by <see cref="Identity"/>.</summary>
    public TestProposal NewProposal(params string[] args) =>
        TestProposal.Create(Identity, _options.ChannelId, _options.ChaincodeName, args);

    /// <summary>Sends a raw message without waiting.</summary>
    public void Send(ChaincodeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_outgoing.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The driver's stream is closed.");
        }
    }

    /// <summary>Sends a raw message and returns the first message the chaincode sends back with the same channel and txid.</summary>
    public Task<ChaincodeMessage> SendAndReceiveAsync(ChaincodeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var waiter = new TaskCompletionSource<ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_rawWaiters.TryAdd((message.ChannelId, message.Txid), waiter))
        {
            throw new InvalidOperationException($"Already waiting for a reply to {message.ChannelId}:{message.Txid}.");
        }
        Send(message);
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The next message that belongs to no transaction the driver is waiting for (KEEPALIVE echoes, stray ERRORs).</summary>
    public async Task<ChaincodeMessage> ReceiveUnsolicitedAsync(CancellationToken cancellationToken = default) =>
        await _unsolicited.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>True when an unsolicited message is already waiting.</summary>
    public bool TryReceiveUnsolicited(out ChaincodeMessage? message) => _unsolicited.Reader.TryRead(out message);

    /// <summary>Ends the request stream (the peer hanging up), then waits for the server to end its side.</summary>
    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
            await _reading.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or TimeoutException or IOException)
        {
            // Already broken or slow to close: dispose anyway.
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _call.Dispose();
        _channel.Dispose();
        _stop.Dispose();
        Identity.Dispose();
    }

    private static GrpcChannel CreateChannel(string address, ChaincodeDriverOptions options)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false };
        var scheme = "http";
        if (options.ServerCertificateAuthority is { } authority)
        {
            scheme = "https";
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && ChainsTo(new X509Certificate2(certificate), authority);
            if (options.ClientCertificate is { } client)
            {
                handler.SslOptions.ClientCertificates = [client];
            }
        }
        return GrpcChannel.ForAddress($"{scheme}://{address}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 100 * 1024 * 1024,
            MaxSendMessageSize = 100 * 1024 * 1024,
        });
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
