namespace Ceiba.Chaincode.Shim;

/// <summary>
/// The peer answered a stub request (GET_STATE, PUT_STATE, ...) with ERROR, or the chaincode stream
/// ended before it answered.
/// </summary>
public sealed class PeerRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="request">The request type, for example <c>GET_STATE</c>.</param>
    /// <param name="txId">The transaction the request belonged to.</param>
    /// <param name="peerMessage">The error text the peer sent.</param>
    public PeerRequestException(string request, string txId, string peerMessage)
        : base($"{request} failed for transaction {txId}: {peerMessage}")
    {
        Request = request;
        TxId = txId;
        PeerMessage = peerMessage;
    }

    /// <summary>The request type, for example <c>GET_STATE</c>.</summary>
    public string Request { get; }

    /// <summary>The transaction the request belonged to.</summary>
    public string TxId { get; }

    /// <summary>The error text the peer sent.</summary>
    public string PeerMessage { get; }
}
