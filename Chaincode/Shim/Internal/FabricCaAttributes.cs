using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// Reads the Fabric CA attribute extension (OID 1.2.3.4.5.6.7.8.1): raw JSON <c>{"attrs":{"name":"value",...}}</c>.
/// Kept tiny and isolated so it can switch to Ceiba.Network.Msp's decoder once that lands.
/// </summary>
internal static class FabricCaAttributes
{
    public const string ExtensionOid = "1.2.3.4.5.6.7.8.1";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Read(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[ExtensionOid];
        if (extension is null)
        {
            return None;
        }
        try
        {
            using var json = JsonDocument.Parse(extension.RawData);
            if (!json.RootElement.TryGetProperty("attrs", out var attrs) || attrs.ValueKind != JsonValueKind.Object)
            {
                return None;
            }
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in attrs.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
            return result;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The certificate's Fabric CA attribute extension is not valid JSON: {e.Message}", nameof(certificate), e);
        }
    }
}
