using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// One transaction's view of the ledger and of the proposal that started it, as Fabric's
/// <c>ChaincodeStubInterface</c>. The shim creates one stub per (channel, transaction id).
/// </summary>
/// <remarks>
/// Methods ending in <c>Async</c> are requests to the peer over the chaincode stream; they throw
/// <see cref="PeerRequestException"/> when the peer answers ERROR. As in Fabric, reads never see the
/// same transaction's own writes. This file holds the transaction context and events; state, query and
/// private-data operations live in the other parts of this interface.
/// </remarks>
public partial interface IChaincodeStub
{
    /// <summary>The transaction id from the proposal's channel header.</summary>
    string TxId { get; }

    /// <summary>The channel the transaction runs on.</summary>
    string ChannelId { get; }

    /// <summary>The timestamp the client put in the proposal's channel header.</summary>
    DateTimeOffset TxTimestamp { get; }

    /// <summary>The submitting client's identity (MSP id and PEM certificate), from the signature header.</summary>
    SerializedIdentity Creator { get; }

    /// <summary>The proposal's transient map: private inputs that never reach the ledger.</summary>
    IReadOnlyDictionary<string, byte[]> Transient { get; }

    /// <summary>SHA-256(nonce ‖ creator ‖ epoch as 8-byte little-endian), binding the proposal to this client.</summary>
    byte[] Binding { get; }

    /// <summary>The client's signed proposal exactly as the peer forwarded it.</summary>
    SignedProposal SignedProposal { get; }

    /// <summary>The raw invocation arguments; by convention <c>Args[0]</c> is the function name.</summary>
    IReadOnlyList<byte[]> Args { get; }

    /// <summary>The function name: <c>Args[0]</c> as UTF-8, or empty when there are no arguments.</summary>
    string Function { get; }

    /// <summary>The remaining arguments (<c>Args[1..]</c>) as UTF-8 strings.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>
    /// Sets the chaincode event sent with this transaction's COMPLETED message. A later call replaces
    /// an earlier one: Fabric carries at most one event per transaction.
    /// </summary>
    /// <param name="name">The event name; must not be empty.</param>
    /// <param name="payload">The event payload.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    void SetEvent(string name, ReadOnlyMemory<byte> payload);

    /// <summary>
    /// Builds a composite key: U+0000, the object type, U+0000, then each attribute followed by U+0000.
    /// </summary>
    /// <param name="objectType">The object type, for example <c>"note~person"</c>.</param>
    /// <param name="attributes">The attributes, in index order.</param>
    /// <returns>The composite key.</returns>
    /// <exception cref="ArgumentException">A part contains U+0000 or U+10FFFF, or is not valid Unicode.</exception>
    string CreateCompositeKey(string objectType, params IReadOnlyList<string> attributes) =>
        CompositeKey.Create(objectType, attributes);

    /// <summary>Splits a composite key built by <see cref="CreateCompositeKey"/> back into its parts.</summary>
    /// <param name="compositeKey">The composite key.</param>
    /// <returns>The object type and attributes.</returns>
    /// <exception cref="ArgumentException"><paramref name="compositeKey"/> is not a composite key.</exception>
    CompositeKey SplitCompositeKey(string compositeKey) => CompositeKey.Parse(compositeKey);
}
