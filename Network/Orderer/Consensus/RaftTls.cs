using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;
using DotNext.Net.Security;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// Mutual TLS for Raft traffic between orderers: each node presents its generated TLS server
/// certificate, and accepts a peer whose certificate chains to the orderer organization's TLS CA.
/// </summary>
internal static class RaftTls
{
    public static SslOptions Create(string tlsDirectory, string tlsCaCertificatePath)
    {
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(tlsDirectory, "server.crt"), Path.Combine(tlsDirectory, "server.key"));
        var ca = X509CertificateLoader.LoadCertificateFromFile(tlsCaCertificatePath);
        bool Trusted(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
            presented is X509Certificate2 peer && TlsTrust.ChainsTo(peer, ca);

        var options = new SslOptions();
        options.ServerOptions.ServerCertificate = certificate;
        options.ServerOptions.ClientCertificateRequired = true;
        options.ServerOptions.RemoteCertificateValidationCallback = Trusted;
        options.ClientOptions.ClientCertificates = [certificate];
        options.ClientOptions.RemoteCertificateValidationCallback = Trusted;
        return options;
    }
}
