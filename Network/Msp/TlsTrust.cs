using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// Whether a TLS certificate chains to the CA a node trusts for it (the other org's TLS CA): custom root trust only,
/// no system roots, no revocation checks (Fabric's generated material has no CRL endpoints).
/// </summary>
public static class TlsTrust
{
    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="ca"/>.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca) => ChainsTo(certificate, [ca]);

    /// <summary>True when <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (roots or intermediates among them).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.ExtraStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
