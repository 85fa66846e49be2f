using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.Collections;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// The stub of one transaction: its context comes from the TRANSACTION message and the proposal,
/// and every ledger operation is a request to the peer through <see cref="TransactionContext"/>.
/// This part holds the context, events and simple state operations.
/// </summary>
internal sealed partial class TransactionStub : IChaincodeStub
{
    private const string ValidationParameterMetakey = "VALIDATION_PARAMETER";

    private readonly TransactionContext _context;
    private readonly ProposalContext _proposal;
    private readonly RepeatedField<ByteString> _input;
    private byte[][]? _args;
    private string? _function;
    private string[]? _parameters;

    public TransactionStub(TransactionContext context, ChaincodeInput input, ProposalContext proposal)
    {
        _context = context;
        _proposal = proposal;
        _input = input.Args;
    }

    /// <summary>The event to send with COMPLETED, if the chaincode set one.</summary>
    public ChaincodeEvent? Event { get; private set; }

    public string TxId => _context.Key.TxId;

    public string ChannelId => _context.Key.ChannelId;

    public DateTimeOffset TxTimestamp => _proposal.Timestamp;

    public SerializedIdentity Creator => _proposal.Creator;

    public IReadOnlyDictionary<string, byte[]> Transient => _proposal.Transient;

    public byte[] Binding => _proposal.Binding;

    public SignedProposal SignedProposal => _proposal.SignedProposal;

    public IReadOnlyList<byte[]> Args => _args ??= [.. _input.Select(arg => arg.ToByteArray())];

    public string Function => _function ??= _input.Count == 0 ? string.Empty : _input[0].ToStringUtf8();

    public IReadOnlyList<string> Parameters => _parameters ??= [.. _input.Skip(1).Select(arg => arg.ToStringUtf8())];

    public void SetEvent(string name, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Event = new ChaincodeEvent { EventName = name, Payload = ByteString.CopyFrom(payload.Span) };
    }

    public async Task<byte[]> GetStateAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = await _context.RequestAsync(MessageType.GetState, new GetState { Key = key }).ConfigureAwait(false);
        return value.ToByteArray();
    }

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _context.RequestAsync(MessageType.PutState, new PutState { Key = key, Value = ByteString.CopyFrom(value.Span) });
    }

    public Task DeleteStateAsync(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _context.RequestAsync(MessageType.DelState, new DelState { Key = key });
    }

    public Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> endorsementPolicy) =>
        PutMetadataAsync(string.Empty, key, endorsementPolicy);

    public Task<byte[]> GetStateValidationParameterAsync(string key) => GetMetadataAsync(string.Empty, key);

    private Task PutMetadataAsync(string collection, string key, ReadOnlyMemory<byte> endorsementPolicy)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var metadata = new StateMetadata { Metakey = ValidationParameterMetakey, Value = ByteString.CopyFrom(endorsementPolicy.Span) };
        return _context.RequestAsync(
            MessageType.PutStateMetadata,
            new PutStateMetadata { Key = key, Collection = collection, Metadata = metadata });
    }

    private async Task<byte[]> GetMetadataAsync(string collection, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var reply = await _context.RequestAsync(
            MessageType.GetStateMetadata, new GetStateMetadata { Key = key, Collection = collection }).ConfigureAwait(false);
        var result = Decode(StateMetadataResult.Parser, reply, MessageType.GetStateMetadata);
        var entry = result.Entries.FirstOrDefault(e => e.Metakey == ValidationParameterMetakey);
        return entry?.Value.ToByteArray() ?? [];
    }

    private T Decode<T>(MessageParser<T> parser, ByteString bytes, MessageType request)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new PeerRequestException(Messages.Name(request), TxId, $"the peer's reply cannot be decoded as {typeof(T).Name}: {e.Message}");
        }
    }
}
