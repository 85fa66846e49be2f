using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Chaincode.Shim;

/// <summary>TLS for the chaincode server; with client certificate authorities, peers must present a certificate.</summary>
/// <param name="Certificate">The server certificate, with its private key.</param>
/// <param name="ClientCertificateAuthorities">The CAs a peer's client certificate must chain to; null or empty turns client authentication off.</param>
public sealed record ChaincodeTlsOptions(X509Certificate2 Certificate, X509Certificate2Collection? ClientCertificateAuthorities = null)
{
    /// <summary>True when peers must present a client certificate issued by <see cref="ClientCertificateAuthorities"/>.</summary>
    public bool RequireClientCertificate => ClientCertificateAuthorities is { Count: > 0 };

    /// <summary>Loads TLS settings from PEM files, as CHAINCODE_TLS_CERT, CHAINCODE_TLS_KEY and CHAINCODE_CLIENT_CA_CERT name them.</summary>
    /// <param name="certificatePath">The server certificate (PEM).</param>
    /// <param name="keyPath">The server's private key (PEM, PKCS#8 or SEC1).</param>
    /// <param name="clientCaPath">The client CA certificate(s) (PEM), or null for no client authentication.</param>
    /// <returns>The options.</returns>
    public static ChaincodeTlsOptions FromPemFiles(string certificatePath, string keyPath, string? clientCaPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        using var ephemeral = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // SslStream needs a key it can use from any platform store: round-trip through PKCS#12.
        var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
        X509Certificate2Collection? authorities = null;
        if (clientCaPath is not null)
        {
            authorities = [];
            authorities.ImportFromPemFile(clientCaPath);
        }
        return new ChaincodeTlsOptions(certificate, authorities);
    }
}
