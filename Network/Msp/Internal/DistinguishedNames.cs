using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Internal;

/// <summary>Reads attribute values out of an X.500 name, multi-valued RDNs included.</summary>
internal static class DistinguishedNames
{
    public const string CountryOid = "2.5.4.6";
    public const string ProvinceOid = "2.5.4.8";
    public const string LocalityOid = "2.5.4.7";
    public const string OrganizationOid = "2.5.4.10";
    public const string OrganizationalUnitOid = "2.5.4.11";
    public const string CommonNameOid = "2.5.4.3";

    /// <summary>Every value of attribute type <paramref name="oid"/>, in order.</summary>
    public static List<string> GetValues(X500DistinguishedName name, string oid)
    {
        var values = new List<string>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (!rdn.HasMultipleElements)
            {
                if (rdn.GetSingleElementType().Value == oid && rdn.GetSingleElementValue() is { } value)
                {
                    values.Add(value);
                }

                continue;
            }

            // A multi-valued RDN (Go writes several OUs as one SET): decode each AttributeTypeAndValue.
            var set = new System.Formats.Asn1.AsnReader(rdn.RawData, System.Formats.Asn1.AsnEncodingRules.DER).ReadSetOf();
            while (set.HasData)
            {
                var pair = set.ReadSequence();
                var type = pair.ReadObjectIdentifier();
                var tag = pair.PeekTag();
                var text = pair.ReadCharacterString((System.Formats.Asn1.UniversalTagNumber)tag.TagValue);
                if (type == oid)
                {
                    values.Add(text);
                }
            }
        }

        return values;
    }

    /// <summary>The first value of attribute type <paramref name="oid"/>, or null.</summary>
    public static string? GetFirst(X500DistinguishedName name, string oid)
    {
        var values = GetValues(name, oid);
        return values.Count > 0 ? values[0] : null;
    }
}
