using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Ceiba.Network.Msp;

/// <summary>
/// Certificate attributes the way Fabric CA writes them and chaincode's <c>ClientIdentity</c> reads
/// them: a non-critical X.509 extension, OID 1.2.3.4.5.6.7.8.1, whose value (the extnValue octets)
/// is the raw UTF-8 JSON <c>{"attrs":{"name":"value",...}}</c>, with no further ASN.1 wrapping.
/// </summary>
public static class FabricAttributes
{
    /// <summary>The extension OID Fabric CA uses for attributes.</summary>
    public const string Oid = "1.2.3.4.5.6.7.8.1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Like Go's encoding/json: non-ASCII stays UTF-8; HTML-sensitive characters are escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// The extension value: <c>{"attrs":{...}}</c> as UTF-8 JSON, names sorted ordinally as Go's
    /// <c>json.Marshal</c> sorts map keys.
    /// </summary>
    public static byte[] Encode(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("attrs");
            foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The non-critical certificate extension carrying <paramref name="attributes"/>.</summary>
    public static X509Extension CreateExtension(IReadOnlyDictionary<string, string> attributes) =>
        new(Oid, Encode(attributes), critical: false);

    /// <summary>
    /// Decodes an extension value (<c>{"attrs":{...}}</c>). A value that is not a JSON string is
    /// kept as its JSON text. A missing <c>attrs</c> member gives no attributes.
    /// </summary>
    /// <exception cref="JsonException">The value is not JSON, or <c>attrs</c> is not an object.</exception>
    public static IReadOnlyDictionary<string, string> Decode(ReadOnlySpan<byte> extensionValue)
    {
        var reader = new Utf8JsonReader(extensionValue);
        using var document = JsonDocument.ParseValue(ref reader);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("attrs", out var attrs)
            || attrs.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (attrs.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("\"attrs\" is not a JSON object.");
        }

        foreach (var attribute in attrs.EnumerateObject())
        {
            result[attribute.Name] = attribute.Value.ValueKind == JsonValueKind.String
                ? attribute.Value.GetString()!
                : attribute.Value.GetRawText();
        }

        return result;
    }

    /// <summary>The attributes in <paramref name="certificate"/>; empty when it has no attribute extension.</summary>
    /// <exception cref="JsonException">The extension is present but not valid attribute JSON.</exception>
    public static IReadOnlyDictionary<string, string> FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Extensions[Oid] is { } extension
            ? Decode(extension.RawData)
            : new Dictionary<string, string>();
    }
}
