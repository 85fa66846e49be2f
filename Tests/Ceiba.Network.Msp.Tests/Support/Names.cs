using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Tests.Support;

/// <summary>Renders a name in encoding order (as openssl and Go print it), independent of the platform's display order.</summary>
internal static class Names
{
    public static string InEncodingOrder(X500DistinguishedName name) => string.Join(", ",
        name.EnumerateRelativeDistinguishedNames(reversed: false).Select(rdn => $"{Short(rdn.GetSingleElementType().Value!)}={rdn.GetSingleElementValue()}"));

    private static string Short(string oid) => oid switch
    {
        "2.5.4.6" => "C",
        "2.5.4.8" => "ST",
        "2.5.4.7" => "L",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.3" => "CN",
        _ => oid,
    };
}
