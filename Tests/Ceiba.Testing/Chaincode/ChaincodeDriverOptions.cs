using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Testing.Chaincode;

/// <summary>How a <see cref="ChaincodeDriver"/> connects and behaves.</summary>
public sealed record ChaincodeDriverOptions
{
    /// <summary>Send REGISTERED and READY after REGISTER (true), or leave the handshake to the test.</summary>
    public bool CompleteHandshake { get; init; } = true;

    /// <summary>The channel used by the convenience overloads.</summary>
    public string ChannelId { get; init; } = "ehr";

    /// <summary>The chaincode name put in proposals and in query results' namespace.</summary>
    public string ChaincodeName { get; init; } = "ehr";

    /// <summary>Results per QueryResponse batch; Fabric's peer uses 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long to wait for the chaincode's REGISTER.</summary>
    public TimeSpan RegisterTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Dial with TLS and trust only this CA for the server certificate; null dials plaintext HTTP/2.</summary>
    public X509Certificate2? ServerCertificateAuthority { get; init; }

    /// <summary>
    /// Called for each request a chaincode sends; a non-null message is sent back instead of serving the request
    /// (its txid and channel are set by the driver). Use it to inject peer errors or malformed replies.
    /// </summary>
    public Func<ChaincodeMessage, ChaincodeMessage?>? InterceptRequest { get; init; }

    /// <summary>The client certificate (with key) to present when the server requires client authentication.</summary>
    public X509Certificate2? ClientCertificate { get; init; }
}
