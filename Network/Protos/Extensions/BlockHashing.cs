using System.Formats.Asn1;
using System.Security.Cryptography;
using Google.Protobuf;

namespace Ceiba.Network.Protos.Common;

/// <summary>Fabric's block hashes: the DER header hash and the flat SHA-256 data hash.</summary>
public static class BlockHashing
{
    /// <summary>The DER bytes Fabric hashes for a header: SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }.</summary>
    public static byte[] HeaderDer(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(header.Number);
            writer.WriteOctetString(header.PreviousHash.Span);
            writer.WriteOctetString(header.DataHash.Span);
        }
        return writer.Encode();
    }

    /// <summary>The header hash: the previous_hash of the next block.</summary>
    public static byte[] HeaderHash(BlockHeader header) => SHA256.HashData(HeaderDer(header));

    /// <summary>SHA-256 over the concatenated data entries. Fabric's data hash is not a Merkle tree.</summary>
    public static byte[] DataHash(BlockData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in data.Data)
        {
            hash.AppendData(entry.Span);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>A block with header.data_hash set from its data and five empty metadata entries, as Fabric builds one.</summary>
    public static Block NewBlock(ulong number, ByteString previousHash, IEnumerable<ByteString> data)
    {
        var block = new Block
        {
            Header = new BlockHeader { Number = number, PreviousHash = previousHash },
            Data = new BlockData(),
            Metadata = new BlockMetadata(),
        };
        block.Data.Data.AddRange(data);
        block.Header.DataHash = ByteString.CopyFrom(DataHash(block.Data));
        for (var i = 0; i < MetadataEntryCount; i++)
        {
            block.Metadata.Metadata.Add(ByteString.Empty);
        }
        return block;
    }

    /// <summary>SIGNATURES, LAST_CONFIG, TRANSACTIONS_FILTER, ORDERER and COMMIT_HASH.</summary>
    public const int MetadataEntryCount = 5;
}
