using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;

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

        return TlsTrust.ChainsTo(clientCertificate, tlsCa);
    }
}
