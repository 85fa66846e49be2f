using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.Network.Peer.Hosting;

/// <summary>
/// Turns a peer's node config chaincodes into <see cref="ChaincodeEndpoint"/>s: the address of the chaincode
/// definition, and when <see cref="NodeChaincode.TlsRootCert"/> is set, the CA to trust and (with
/// <see cref="NodeChaincode.TlsClientAuth"/>) the peer's own TLS certificate as client certificate.
/// </summary>
internal static class ChaincodeEndpoints
{
    /// <summary>The endpoints of the chaincodes with an address.</summary>
    /// <exception cref="InvalidOperationException">A TLS file is missing or is not what the field expects; the message names the field and the path.</exception>
    public static IReadOnlyList<ChaincodeEndpoint> Load(NodeConfig config, string root, string configPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        var endpoints = new List<ChaincodeEndpoint>();
        for (var index = 0; index < config.Chaincodes.Count; index++)
        {
            var chaincode = config.Chaincodes[index];
            if (chaincode.Address is null)
            {
                continue;
            }

            var field = $"{configPath}: chaincodes[{index}]";
            if (chaincode.TlsRootCert is null)
            {
                if (chaincode.TlsClientAuth)
                {
                    throw new InvalidOperationException($"{field}.tlsClientAuth: true needs chaincodes[{index}].tlsRootCert (client authentication is part of TLS); set it, or set tlsClientAuth to false.");
                }

                endpoints.Add(new ChaincodeEndpoint(chaincode.Name, chaincode.Version, chaincode.Address));
                continue;
            }

            var rootCertificate = LoadRoot($"{field}.tlsRootCert", Path.Combine(root, chaincode.TlsRootCert), chaincode.Name);
            var client = chaincode.TlsClientAuth ? LoadClient($"{field}.tlsClientAuth", Path.Combine(root, config.TlsDirectory)) : null;
            endpoints.Add(new ChaincodeEndpoint(chaincode.Name, chaincode.Version, chaincode.Address, rootCertificate, client));
        }

        return endpoints;
    }

    private static X509Certificate2 LoadRoot(string field, string path, string chaincode)
    {
        var expected = $"expected a PEM or DER certificate of the CA that signed chaincode {chaincode}'s TLS server certificate";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{field}: {Path.GetFullPath(path)} does not exist; {expected}.");
        }

        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{field}: cannot read {Path.GetFullPath(path)} ({error.Message}); {expected}.", error);
        }
    }

    private static X509Certificate2 LoadClient(string field, string tlsDirectory)
    {
        var certificatePath = Path.GetFullPath(Path.Combine(tlsDirectory, "server.crt"));
        var keyPath = Path.GetFullPath(Path.Combine(tlsDirectory, "server.key"));
        var expected = "expected the peer's TLS certificate (server.crt) and its private key (server.key), PEM, in the node's tlsDirectory";
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{field}: {path} does not exist; {expected}.");
            }
        }

        try
        {
            using var ephemeral = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // A PKCS#12 round trip gives a key that SslStream can use on every platform.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{field}: cannot load {certificatePath} with {keyPath} ({error.Message}); {expected}.", error);
        }
    }
}
