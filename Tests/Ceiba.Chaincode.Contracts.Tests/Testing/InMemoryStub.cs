using System.Security.Cryptography;
using System.Text;
using Ceiba.Chaincode.Shim;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Chaincode.Testing;

/// <summary>
/// A test double of <see cref="IChaincodeStub"/> for unit tests of contracts: one transaction over an
/// <see cref="InMemoryLedger"/>. As on a peer, reads see only committed state (never this transaction's
/// own writes), writes collect in a write set, an empty value deletes, and there is at most one event.
/// </summary>
internal sealed partial class InMemoryStub : IChaincodeStub
{
    private readonly InMemoryLedger _ledger;

    public InMemoryStub(InMemoryLedger ledger, string txId, DateTimeOffset timestamp, SerializedIdentity creator, IReadOnlyList<byte[]> args)
    {
        _ledger = ledger;
        TxId = txId;
        TxTimestamp = timestamp;
        Creator = creator;
        Args = args;
        Binding = SHA256.HashData(Encoding.UTF8.GetBytes(txId));
    }

    public string TxId { get; }

    public string ChannelId => "ehr";

    public DateTimeOffset TxTimestamp { get; }

    public SerializedIdentity Creator { get; }

    public IReadOnlyDictionary<string, byte[]> Transient { get; init; } = new Dictionary<string, byte[]>();

    public byte[] Binding { get; }

    public SignedProposal SignedProposal { get; } = new();

    public IReadOnlyList<byte[]> Args { get; }

    public string Function => Args.Count == 0 ? string.Empty : Encoding.UTF8.GetString(Args[0]);

    public IReadOnlyList<string> Parameters => Args.Skip(1).Select(arg => Encoding.UTF8.GetString(arg)).ToList();

    /// <summary>The write set in write order: a <see langword="null"/> value is a delete.</summary>
    public Dictionary<string, byte[]?> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>Key-level endorsement policies written by this transaction.</summary>
    public Dictionary<string, byte[]> ValidationParameterWrites { get; } = new(StringComparer.Ordinal);

    /// <summary>Private data written by this transaction; a <see langword="null"/> value is a delete.</summary>
    public Dictionary<(string Collection, string Key), byte[]?> PrivateWrites { get; } = [];

    /// <summary>The event set by the transaction, if any.</summary>
    public (string Name, byte[] Payload)? Event { get; private set; }

    /// <summary>How many GET_STATE requests the transaction made (to prove a read path stays narrow).</summary>
    public int StateReads { get; private set; }

    /// <summary>How many results range and composite-key queries returned in total.</summary>
    public int QueryResultsReturned { get; private set; }

    public void SetEvent(string name, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Event = (name, payload.ToArray());
    }

    private static void RequireKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("The key must not be empty.", nameof(key));
        }
    }
}
