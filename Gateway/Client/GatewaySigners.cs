using Ceiba.Network.Msp;

namespace Ceiba.Gateway.Client;

/// <summary>
/// Creates <see cref="Signer"/>s (functions over a SHA-256 digest that return a low-S DER ECDSA signature)
/// from private keys on disk. Each signer keeps its key alive for as long as the signer is referenced.
/// </summary>
public static class GatewaySigners
{
    /// <summary>A signer over the PKCS#8 PEM private key in <paramref name="privateKeyPath"/>.</summary>
    public static Signer FromPrivateKeyFile(string privateKeyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPath);
        return FromPrivateKeyPem(File.ReadAllText(privateKeyPath));
    }

    /// <summary>A signer over a PKCS#8 PEM private key.</summary>
    public static Signer FromPrivateKeyPem(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        return Signers.NewPrivateKeySigner(Pem.LoadPrivateKey(privateKeyPem));
    }

    /// <summary>A signer over the keystore/ key of a local MSP folder.</summary>
    /// <exception cref="InvalidDataException">The folder has no signing key.</exception>
    public static Signer FromMspFolder(string mspDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspDirectory);
        var credential = MspFolder.Read(mspDirectory).SigningCredential
            ?? throw new InvalidDataException($"MSP folder {mspDirectory} has no signcerts/ and keystore/ signing credential.");
        credential.Certificate.Dispose();
        return Signers.NewPrivateKeySigner(credential.PrivateKey);
    }
}
