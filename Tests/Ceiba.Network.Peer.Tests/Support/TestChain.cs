using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>Cuts orderer-signed blocks that extend one chain, starting at block 0.</summary>
public sealed class TestChain(SigningIdentity orderer)
{
    private readonly OrdererBlockFactory _factory = new(orderer);
    private byte[] _previousHash = [];

    public ulong Height { get; private set; }

    public Block Next(params Envelope[] envelopes)
    {
        var block = _factory.Create(Height, _previousHash, envelopes.Select(e => e.ToByteString()));
        _previousHash = BlockHashing.HeaderHash(block.Header);
        Height++;
        return block;
    }
}
