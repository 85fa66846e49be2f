using Ceiba.Network.Protos.Ledger.KvRwset;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Internal;

/// <summary>The VALIDATION_PARAMETER metadata key (key-level endorsement, FABRIC-FACTS §5) and its lookup in a metadata write.</summary>
internal static class ValidationParameters
{
    /// <summary>The metakey whose value is a key's endorsement policy, a serialized SignaturePolicyEnvelope.</summary>
    public const string Metakey = "VALIDATION_PARAMETER";

    /// <summary>The policy a metadata write sets; empty when it removes the key's policy.</summary>
    public static ByteString Find(KVMetadataWrite write) =>
        write.Entries.FirstOrDefault(e => e.Name == Metakey)?.Value ?? ByteString.Empty;
}
