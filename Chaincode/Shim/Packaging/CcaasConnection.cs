using System.Text.Json.Serialization;

namespace Ceiba.Chaincode.Shim.Packaging;

/// <summary>
/// The <c>connection.json</c> of a chaincode-as-a-service package: how the peer dials the chaincode server.
/// </summary>
public sealed record CcaasConnection
{
    /// <summary>The chaincode server's host:port, as the peer resolves it.</summary>
    [JsonPropertyName("address")]
    public required string Address { get; init; }

    /// <summary>How long the peer waits for the connection, as a Go duration ("10s").</summary>
    [JsonPropertyName("dial_timeout")]
    public string DialTimeout { get; init; } = "10s";

    /// <summary>Whether the peer dials with TLS.</summary>
    [JsonPropertyName("tls_required")]
    public bool TlsRequired { get; init; }

    /// <summary>Whether the server asks for the peer's client certificate (then <see cref="ClientKey"/> and <see cref="ClientCert"/> are needed).</summary>
    [JsonPropertyName("client_auth_required")]
    public bool ClientAuthRequired { get; init; }

    /// <summary>The PEM private key the peer authenticates with.</summary>
    [JsonPropertyName("client_key")]
    public string ClientKey { get; init; } = string.Empty;

    /// <summary>The PEM certificate the peer authenticates with.</summary>
    [JsonPropertyName("client_cert")]
    public string ClientCert { get; init; } = string.Empty;

    /// <summary>The PEM CA certificate the peer verifies the server with.</summary>
    [JsonPropertyName("root_cert")]
    public string RootCert { get; init; } = string.Empty;
}
