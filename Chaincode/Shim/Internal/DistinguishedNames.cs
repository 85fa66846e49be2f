using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// Writes a distinguished name the way Fabric's Go client-identity library does: relative names most specific
/// first, joined by commas, multi-valued names joined by '+', with RFC 4514 escaping.
/// </summary>
internal static class DistinguishedNames
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.6"] = "C",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.3"] = "CN",
        ["2.5.4.5"] = "SERIALNUMBER",
        ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST",
        ["2.5.4.9"] = "STREET",
        ["2.5.4.17"] = "POSTALCODE",
    };

    public static string Format(X500DistinguishedName name)
    {
        var builder = new StringBuilder();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: true))
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }
            if (rdn.HasMultipleElements)
            {
                // Multi-valued names are rare in Fabric certificates; fall back to .NET's own rendering.
                builder.Append(new X500DistinguishedName(rdn.RawData.Span).Name);
                continue;
            }
            var oid = rdn.GetSingleElementType().Value ?? string.Empty;
            builder.Append(ShortNames.GetValueOrDefault(oid, oid)).Append('=');
            AppendEscaped(builder, rdn.GetSingleElementValue() ?? string.Empty);
        }
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var edge = (i == 0 && c is ' ' or '#') || (i == value.Length - 1 && c == ' ');
            if (edge || c is ',' or '+' or '"' or '\\' or '<' or '>' or ';')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
    }
}
