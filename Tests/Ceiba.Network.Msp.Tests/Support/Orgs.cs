namespace Ceiba.Network.Msp.Tests.Support;

/// <summary>Names used across the tests, after the Havana organization of the Cuban topology.</summary>
internal static class Orgs
{
    public const string Domain = "habana.ceiba.local";
    public const string MspId = "HabanaMSP";

    public static CertificateAuthority NewCa(CertificateAuthorityOptions? options = null) =>
        CertificateAuthority.CreateRoot($"ca.{Domain}", Domain, options);

    public static CertificateAuthority NewTlsCa(CertificateAuthorityOptions? options = null) =>
        CertificateAuthority.CreateRoot($"tlsca.{Domain}", Domain, options);
}
