namespace Ceiba.Network.Topology.Generation.Crypto;

/// <summary>Where an enrolled identity's material was written, relative to the output root.</summary>
/// <param name="MspDirectory">The local MSP folder (signcerts, keystore, cacerts, config.yaml).</param>
/// <param name="TlsDirectory">The TLS folder (ca.crt plus server.* or client.*).</param>
public sealed record IdentityPaths(IdentitySpec Spec, string MspDirectory, string TlsDirectory)
{
    public string SignCert => Path.Combine(MspDirectory, "signcerts", $"{Spec.Name}-cert.pem");

    public string PrivateKey => Path.Combine(MspDirectory, "keystore", "priv_sk");

    public string TlsCaCert => Path.Combine(TlsDirectory, "ca.crt");

    public string TlsCert => Path.Combine(TlsDirectory, Spec.IsNode ? "server.crt" : "client.crt");

    public string TlsKey => Path.Combine(TlsDirectory, Spec.IsNode ? "server.key" : "client.key");
}
