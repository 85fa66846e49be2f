using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// Recognizes another orderer of the cluster by the TLS client certificate of its connection: it
/// chains to the orderer organization's TLS CA and names one of the cluster's orderer hosts. As in
/// Fabric's Raft, envelopes such a member forwards were validated by it and are not verified again.
/// </summary>
internal sealed class ClusterPeerCheck(X509Certificate2 tlsCa, IReadOnlyCollection<string> ordererHostNames)
{
    public bool IsClusterMember(X509Certificate2? clientCertificate)
    {
        if (clientCertificate is null || !ordererHostNames.Any(host => clientCertificate.MatchesHostname(host)))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(tlsCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(clientCertificate);
    }
}
