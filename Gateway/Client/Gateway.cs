using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A connection to a Fabric Gateway peer, acting as one client identity. Entry point of the object graph:
/// <c>Gateway.Connect(...)</c> → <see cref="GetNetwork"/> → <see cref="Network.GetContract"/>.
/// The gRPC channel stays owned by the caller; many gateways may share one.
/// </summary>
public sealed class Gateway
{
    private readonly ClientContext _context;

    private Gateway(ClientContext context) => _context = context;

    /// <summary>The client identity.</summary>
    public Identity Identity => _context.Identity;

    /// <summary>The per-stage deadlines.</summary>
    public GatewayOptions Options => _context.Rpc.Options;

    /// <summary>Connects as <paramref name="identity"/>, signing with <paramref name="signer"/>.</summary>
    /// <param name="identity">The client identity.</param>
    /// <param name="signer">Signs digests; null to require offline signatures on every request.</param>
    /// <param name="channel">A gRPC channel to the gateway peer.</param>
    /// <param name="options">Per-stage deadlines; the Fabric samples' defaults when null.</param>
    public static Gateway Connect(Identity identity, Signer? signer, GrpcChannel channel, GatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Connect(identity, signer, channel.CreateCallInvoker(), options);
    }

    /// <summary>Connects over any gRPC call invoker (an intercepted channel, an in-memory transport, ...).</summary>
    /// <param name="identity">The client identity.</param>
    /// <param name="signer">Signs digests; null to require offline signatures on every request.</param>
    /// <param name="callInvoker">Invokes the <c>gateway.Gateway</c> methods.</param>
    /// <param name="options">Per-stage deadlines; the Fabric samples' defaults when null.</param>
    public static Gateway Connect(Identity identity, Signer? signer, CallInvoker callInvoker, GatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(callInvoker);
        var rpc = new GatewayRpc(callInvoker, options ?? GatewayOptions.Default);
        return new Gateway(new ClientContext(identity, signer, rpc));
    }

    /// <summary>Connects as an MSP signing identity, signing with its key.</summary>
    public static Gateway Connect(SigningIdentity signingIdentity, GrpcChannel channel, GatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signingIdentity);
        return Connect(Identity.FromSigningIdentity(signingIdentity), signingIdentity.Signer, channel, options);
    }

    /// <summary>The channel named <paramref name="channelName"/>.</summary>
    public Network GetNetwork(string channelName)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelName);
        return new Network(_context, channelName);
    }

    /// <summary>Rebuilds a proposal from its <see cref="Proposal.Bytes"/> and an offline signature of its <see cref="Proposal.Digest"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a serialized proposal.</exception>
    public Proposal NewSignedProposal(byte[] bytes, byte[] signature)
    {
        var proposed = Parse(ProposedTransaction.Parser, bytes, signature, nameof(Proposal));
        var (channel, chaincode) = EnvelopeReader.ReadProposalTarget(proposed.Proposal?.ProposalBytes ?? ByteString.Empty);
        var proposal = new Proposal(_context, proposed, channel, chaincode);
        proposal.SetSignature(signature);
        return proposal;
    }

    /// <summary>Rebuilds an endorsed transaction from its <see cref="Transaction.Bytes"/> and an offline signature of its <see cref="Transaction.Digest"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a serialized transaction.</exception>
    public Transaction NewSignedTransaction(byte[] bytes, byte[] signature)
    {
        var prepared = Parse(PreparedTransaction.Parser, bytes, signature, nameof(Transaction));
        var (channel, chaincode) = EnvelopeReader.ReadEnvelopeTarget(prepared.Envelope ?? throw new InvalidDataException("The transaction has no envelope."));
        var transaction = new Transaction(_context, prepared, channel, chaincode, default);
        transaction.SetSignature(signature);
        return transaction;
    }

    /// <summary>Rebuilds a commit status request from its <see cref="Commit.Bytes"/> and an offline signature of its <see cref="Commit.Digest"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a serialized commit status request.</exception>
    public Commit NewSignedCommit(byte[] bytes, byte[] signature)
    {
        var signed = Parse(SignedCommitStatusRequest.Parser, bytes, signature, nameof(Commit));
        var request = Parse(CommitStatusRequest.Parser, signed.Request.ToByteArray(), signature, nameof(Commit));
        var commit = new Commit(_context, signed, request.TransactionId, request.ChannelId, string.Empty, default);
        commit.SetSignature(signature);
        return commit;
    }

    /// <summary>Rebuilds a chaincode events request from its bytes and an offline signature of its digest.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a serialized chaincode events request.</exception>
    public ChaincodeEventsRequest NewSignedChaincodeEventsRequest(byte[] bytes, byte[] signature)
    {
        var signed = Parse(SignedChaincodeEventsRequest.Parser, bytes, signature, "ChaincodeEventsRequest");
        var request = Parse(Ceiba.Network.Protos.Gateway.ChaincodeEventsRequest.Parser, signed.Request.ToByteArray(), signature, "ChaincodeEventsRequest");
        var events = new ChaincodeEventsRequest(_context, signed, request.ChannelId, request.ChaincodeId);
        events.SetSignature(signature);
        return events;
    }

    private static T Parse<T>(MessageParser<T> parser, byte[] bytes, byte[] signature, string what)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length == 0)
        {
            throw new ArgumentException($"The {what} signature must not be empty.", nameof(signature));
        }

        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"The bytes are not a serialized {what}.", e);
        }
    }
}
