using Microsoft.Extensions.Configuration;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// How a chaincode server listens and registers. <see cref="FromConfiguration"/> reads the same environment
/// variables as Fabric's CCaaS samples: CHAINCODE_SERVER_ADDRESS, CHAINCODE_ID, CHAINCODE_TLS_DISABLED,
/// CHAINCODE_TLS_KEY, CHAINCODE_TLS_CERT and CHAINCODE_CLIENT_CA_CERT (the Node shim's *_FILE names work too).
/// </summary>
public sealed record ChaincodeServerOptions
{
    /// <summary>CHAINCODE_SERVER_ADDRESS: where to listen, as host:port.</summary>
    public const string AddressVariable = "CHAINCODE_SERVER_ADDRESS";

    /// <summary>CHAINCODE_ID: the package id the peer knows the chaincode by.</summary>
    public const string ChaincodeIdVariable = "CHAINCODE_ID";

    /// <summary>CHAINCODE_TLS_DISABLED: "false" turns TLS on (default "true", as in Fabric's samples).</summary>
    public const string TlsDisabledVariable = "CHAINCODE_TLS_DISABLED";

    /// <summary>CHAINCODE_TLS_KEY: path of the server's PEM private key.</summary>
    public const string TlsKeyVariable = "CHAINCODE_TLS_KEY";

    /// <summary>CHAINCODE_TLS_CERT: path of the server's PEM certificate.</summary>
    public const string TlsCertVariable = "CHAINCODE_TLS_CERT";

    /// <summary>CHAINCODE_CLIENT_CA_CERT: path of the PEM CA certificate(s) that peers' client certificates must chain to.</summary>
    public const string ClientCaCertVariable = "CHAINCODE_CLIENT_CA_CERT";

    /// <summary>Where to listen, as host:port; an IP address binds that address, any other host name binds all interfaces.</summary>
    public required string Address { get; init; }

    /// <summary>The package id (label:hash) sent in REGISTER; the peer only accepts the id it installed.</summary>
    public required string ChaincodeId { get; init; }

    /// <summary>TLS settings, or null for plaintext HTTP/2.</summary>
    public ChaincodeTlsOptions? Tls { get; init; }

    /// <summary>How long a stopping server waits for running transactions before it closes streams.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest message accepted or sent, in bytes; Fabric's peer allows 100 MiB.</summary>
    public int MaxMessageSize { get; init; } = 100 * 1024 * 1024;

    /// <summary>Reads the options from configuration (environment variables are part of it by default).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A required setting is missing or TLS is on without key and certificate.</exception>
    public static ChaincodeServerOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var address = Required(configuration, AddressVariable);
        var chaincodeId = Required(configuration, ChaincodeIdVariable);
        var tlsDisabled = !string.Equals(configuration[TlsDisabledVariable] ?? "true", "false", StringComparison.OrdinalIgnoreCase);
        if (tlsDisabled)
        {
            return new ChaincodeServerOptions { Address = address, ChaincodeId = chaincodeId };
        }
        var key = configuration[TlsKeyVariable] ?? configuration["CHAINCODE_TLS_KEY_FILE"];
        var cert = configuration[TlsCertVariable] ?? configuration["CHAINCODE_TLS_CERT_FILE"];
        var clientCa = configuration[ClientCaCertVariable] ?? configuration["CHAINCODE_TLS_CLIENT_CACERT_FILE"];
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(cert))
        {
            throw new InvalidOperationException(
                $"{TlsDisabledVariable}=false needs {TlsKeyVariable} and {TlsCertVariable} (paths of PEM files).");
        }
        return new ChaincodeServerOptions
        {
            Address = address,
            ChaincodeId = chaincodeId,
            Tls = ChaincodeTlsOptions.FromPemFiles(cert, key, string.IsNullOrEmpty(clientCa) ? null : clientCa),
        };
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; a CCaaS chaincode needs {AddressVariable} and {ChaincodeIdVariable}.");
}
