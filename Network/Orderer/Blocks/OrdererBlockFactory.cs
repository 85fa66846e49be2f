using System.Security.Cryptography;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Blocks;

/// <summary>
/// Builds the blocks an orderer writes: header (number, previous_hash, data_hash), the data, and the
/// metadata Fabric's orderer writes: SIGNATURES signed by the orderer over value ‖ signature_header ‖
/// header DER with OrdererBlockMetadata{last_config}, LAST_CONFIG, and an empty TRANSACTIONS_FILTER.
/// </summary>
/// <param name="signer">The orderer's identity from its local MSP.</param>
public sealed class OrdererBlockFactory(SigningIdentity signer)
{
    private const int NonceSize = 24;

    private readonly SigningIdentity _signer = signer ?? throw new ArgumentNullException(nameof(signer));

    /// <summary>Builds and signs block <paramref name="number"/> over <paramref name="envelopes"/> (marshaled envelopes, kept as received).</summary>
    /// <param name="number">The block number.</param>
    /// <param name="previousHash">The header hash of block <paramref name="number"/> − 1.</param>
    /// <param name="envelopes">The block's data entries.</param>
    /// <param name="lastConfig">The number of the last config block (the genesis block while there are no config updates).</param>
    public Block Create(ulong number, ReadOnlyMemory<byte> previousHash, IEnumerable<ByteString> envelopes, ulong lastConfig = 0)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var block = BlockHashing.NewBlock(number, ByteString.CopyFrom(previousHash.Span), envelopes);
        var lastConfigValue = new LastConfig { Index = lastConfig };
        var value = new OrdererBlockMetadata { LastConfig = lastConfigValue }.ToByteString();
        var signatureHeader = new SignatureHeader
        {
            Creator = ByteString.CopyFrom(_signer.Serialized.Span),
            Nonce = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(NonceSize)),
        }.ToByteString();

        var signed = Concat(value.Span, signatureHeader.Span, BlockHashing.HeaderDer(block.Header));
        var signatures = new Metadata { Value = value };
        signatures.Signatures.Add(new MetadataSignature
        {
            SignatureHeader = signatureHeader,
            Signature = ByteString.CopyFrom(_signer.SignMessage(signed)),
        });
        block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures] = signatures.ToByteString();
        block.Metadata.Metadata[(int)BlockMetadataIndex.LastConfig] = new Metadata { Value = lastConfigValue.ToByteString() }.ToByteString();
        return block;
    }

    /// <summary>The bytes a SIGNATURES entry signs: value ‖ signature_header ‖ header DER.</summary>
    public static byte[] SignedBytes(Metadata signatures, MetadataSignature signature, BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(header);
        return Concat(signatures.Value.Span, signature.SignatureHeader.Span, BlockHashing.HeaderDer(header));
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var result = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        c.CopyTo(result.AsSpan(a.Length + b.Length));
        return result;
    }
}
