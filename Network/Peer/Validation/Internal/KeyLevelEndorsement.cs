using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Validation.Internal;

/// <summary>
/// The endorsement decision for one block, in transaction order, with key-level policies (VALIDATION_PARAMETER):
/// <list type="bullet">
/// <item>every written key (value or metadata) that has a key-level policy needs that policy satisfied by the
/// endorsers; a metadata write is checked against the key's policy before the change;</item>
/// <item>the chaincode's policy is needed when some written key has no key-level policy, or nothing is written;</item>
/// <item>a key whose policy an earlier valid transaction of the block changed cannot be written again in that block.</item>
/// </list>
/// </summary>
internal sealed class KeyLevelEndorsement(PeerLedger ledger)
{
    private readonly HashSet<(string Namespace, string Key)> _changedInBlock = [];

    public (TxValidationCode Code, string Reason) Check(ParsedTransaction transaction, IReadOnlyList<MspIdentity> endorsers, PolicyResult chaincodePolicy)
    {
        foreach (var ns in transaction.RwSets)
        {
            var keys = ns.RwSet.Writes.Select(w => w.Key).Concat(ns.RwSet.MetadataWrites.Select(m => m.Key)).Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (_changedInBlock.Contains((ns.Namespace, key)))
                {
                    return (TxValidationCode.EndorsementPolicyFailure, $"the key-level endorsement policy of {ns.Namespace}/{key} was changed by an earlier transaction of this block");
                }

                var parameter = ledger.GetValidationParameter(ns.Namespace, key);
                if (parameter is not { Length: > 0 })
                {
                    continue;
                }

                if (Evaluate(parameter, endorsers) is { } failure)
                {
                    return (TxValidationCode.EndorsementPolicyFailure, $"the key-level endorsement policy of {ns.Namespace}/{key} {failure}");
                }
            }
        }

        return !RequiresChaincodePolicy(transaction) || chaincodePolicy.IsSatisfied
            ? (TxValidationCode.Valid, string.Empty)
            : (TxValidationCode.EndorsementPolicyFailure, chaincodePolicy.Reason);
    }

    /// <summary>Records a valid transaction's metadata writes and deletes: later writes of those keys in the block are refused.</summary>
    public void Record(ParsedTransaction transaction)
    {
        foreach (var ns in transaction.RwSets)
        {
            foreach (var metadata in ns.RwSet.MetadataWrites)
            {
                _changedInBlock.Add((ns.Namespace, metadata.Key));
            }

            foreach (var delete in ns.RwSet.Writes.Where(w => w.IsDelete && ledger.GetValidationParameter(ns.Namespace, w.Key) is { Length: > 0 }))
            {
                _changedInBlock.Add((ns.Namespace, delete.Key));
            }
        }
    }

    /// <summary>True when a written key has no key-level policy, or nothing is written at all.</summary>
    private bool RequiresChaincodePolicy(ParsedTransaction transaction)
    {
        var written = transaction.RwSets
            .SelectMany(ns => ns.RwSet.Writes.Select(w => (ns.Namespace, w.Key)).Concat(ns.RwSet.MetadataWrites.Select(m => (ns.Namespace, m.Key))))
            .ToList();
        return written.Count == 0 || written.Any(w => ledger.GetValidationParameter(w.Namespace, w.Key) is not { Length: > 0 });
    }

    private static string? Evaluate(byte[] parameter, IReadOnlyList<MspIdentity> endorsers)
    {
        IPolicy policy;
        try
        {
            policy = PolicyCompiler.Signature(SignaturePolicyEnvelope.Parser.ParseFrom(parameter));
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidPolicyException)
        {
            return $"is not a valid signature policy: {error.Message}";
        }

        return policy.IsSatisfiedBy(endorsers)
            ? null
            : $"is not satisfied by {(endorsers.Count == 0 ? "no valid endorsement" : string.Join(", ", endorsers))}";
    }
}
