using System.Runtime.CompilerServices;
using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using EventsRequestMessage = Ceiba.Network.Protos.Gateway.ChaincodeEventsRequest;
using SignedEventsRequestMessage = Ceiba.Network.Protos.Gateway.SignedChaincodeEventsRequest;

namespace Ceiba.Gateway.Client;

/// <summary>A channel seen through the gateway: its contracts and its chaincode events.</summary>
public sealed class Network
{
    private readonly ClientContext _context;

    internal Network(ClientContext context, string name)
    {
        _context = context;
        Name = name;
    }

    /// <summary>The channel name.</summary>
    public string Name { get; }

    /// <summary>The chaincode <paramref name="chaincodeName"/>, or one named contract inside it.</summary>
    /// <param name="chaincodeName">The chaincode name, as defined on the channel.</param>
    /// <param name="contractName">A contract name; transaction names become <c>contract:function</c>.</param>
    public Contract GetContract(string chaincodeName, string? contractName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(chaincodeName);
        return new Contract(_context, Name, chaincodeName, contractName);
    }

    /// <summary>
    /// Streams the events of <paramref name="chaincodeName"/>, in commit order, from the next commit, a start block,
    /// or just after a checkpoint. The stream lasts until cancelled.
    /// </summary>
    /// <exception cref="GatewayException">The stream failed (Stage = ChaincodeEvents).</exception>
    public IAsyncEnumerable<ChaincodeEvent> GetChaincodeEventsAsync(
        string chaincodeName,
        ChaincodeEventsOptions? options = null,
        CancellationToken cancellationToken = default) =>
        NewChaincodeEventsRequest(chaincodeName, options).GetEventsAsync(cancellationToken);

    /// <summary>
    /// Streams the channel's full blocks from the peer's Deliver service, from the next commit, a start block, or a
    /// checkpoint. The stream lasts until cancelled. Needs the gateway's signer (the seek request is signed).
    /// </summary>
    /// <exception cref="GatewayException">The stream failed (Stage = BlockEvents).</exception>
    public async IAsyncEnumerable<Block> GetBlockEventsAsync(
        BlockEventsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seek = SeekEnvelopeBuilder.Build(_context, Name, options?.Start);
        await foreach (var response in _context.Rpc.DeliverAsync(seek, filtered: false, cancellationToken).ConfigureAwait(false))
        {
            if (response.TypeCase == Ceiba.Network.Protos.Peer.DeliverResponse.TypeOneofCase.Block)
            {
                yield return response.Block;
            }
        }
    }

    /// <summary>
    /// Streams the channel's filtered blocks (transaction IDs, validation codes and chaincode event names, no payloads)
    /// from the peer's DeliverFiltered service. The stream lasts until cancelled.
    /// </summary>
    /// <exception cref="GatewayException">The stream failed (Stage = BlockEvents).</exception>
    public async IAsyncEnumerable<FilteredBlock> GetFilteredBlockEventsAsync(
        BlockEventsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seek = SeekEnvelopeBuilder.Build(_context, Name, options?.Start);
        await foreach (var response in _context.Rpc.DeliverAsync(seek, filtered: true, cancellationToken).ConfigureAwait(false))
        {
            if (response.TypeCase == Ceiba.Network.Protos.Peer.DeliverResponse.TypeOneofCase.FilteredBlock)
            {
                yield return response.FilteredBlock;
            }
        }
    }

    /// <summary>Builds (without sending) a chaincode events request, e.g. for offline signing.</summary>
    public ChaincodeEventsRequest NewChaincodeEventsRequest(string chaincodeName, ChaincodeEventsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(chaincodeName);
        options ??= new ChaincodeEventsOptions();
        var request = new EventsRequestMessage
        {
            ChannelId = Name,
            ChaincodeId = chaincodeName,
            Identity = _context.Identity.Serialized,
            StartPosition = StartPosition(options),
            AfterTransactionId = options.Checkpoint?.BlockNumber is null ? string.Empty : options.Checkpoint.TransactionId ?? string.Empty,
        };
        var signed = new SignedEventsRequestMessage { Request = request.ToByteString() };
        return new ChaincodeEventsRequest(_context, signed, Name, chaincodeName);
    }

    private static SeekPosition StartPosition(ChaincodeEventsOptions options)
    {
        var block = options.Checkpoint?.BlockNumber ?? options.StartBlock;
        return block is { } number
            ? new SeekPosition { Specified = new SeekSpecified { Number = number } }
            : new SeekPosition { NextCommit = new SeekNextCommit() };
    }
}
