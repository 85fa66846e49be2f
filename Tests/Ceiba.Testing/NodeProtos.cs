using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Ceiba.Testing;

/// <summary>
/// Encodes and decodes Fabric messages with the official <c>@hyperledger/fabric-protos</c> Node bindings
/// (scripts <c>Tests/interop/protos/encode.js</c> and <c>decode.js</c>). Types are proto full names such as
/// <c>common.Envelope</c> or <c>protos.SignedProposal</c>; field names are the bindings' toObject names
/// (<c>channelHeader</c>, <c>argsList</c>, <c>transientmapMap</c>).
/// </summary>
public static class NodeProtos
{
    /// <summary>
    /// Decodes <paramref name="bytes"/> as <paramref name="type"/> and returns its toObject() JSON. Each entry of
    /// <paramref name="nested"/> maps a path of a bytes field (dots, <c>*</c> for every list element or map entry)
    /// to the type its bytes are decoded as, in place. Bytes fields stay base64 strings; maps become objects.
    /// </summary>
    public static async Task<JsonObject> DecodeAsync(
        string type,
        ReadOnlyMemory<byte> bytes,
        IReadOnlyDictionary<string, string>? nested = null,
        CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["type"] = type,
            ["base64"] = Convert.ToBase64String(bytes.Span),
            ["nested"] = new JsonObject((nested ?? new Dictionary<string, string>())
                .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value)))),
        };
        var result = await NodeInterop.RunJsonAsync("protos/decode.js", request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result as JsonObject ?? throw new NodeInteropException($"decode.js returned {result?.ToJsonString() ?? "null"} for {type}.");
    }

    /// <summary>Builds <paramref name="type"/> from <paramref name="fields"/> in Node and returns its serialized bytes.</summary>
    public static async Task<byte[]> EncodeAsync(string type, JsonObject fields, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["type"] = type, ["fields"] = fields };
        var result = await NodeInterop.RunJsonAsync("protos/encode.js", request, cancellationToken: cancellationToken).ConfigureAwait(false);
        var base64 = result?["base64"]?.GetValue<string>()
            ?? throw new NodeInteropException($"encode.js returned {result?.ToJsonString() ?? "null"} for {type}.");
        return Convert.FromBase64String(base64);
    }

    /// <summary>
    /// Describes a C# message for <see cref="EncodeAsync"/>, field by field, so that Node builds the same message
    /// with its own bindings. 64-bit values above 2^53 do not survive (Node reads them into doubles).
    /// </summary>
    public static JsonObject Describe(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return NodeProtosDescriber.DescribeFields(message);
    }

    /// <summary>A nested message value for <see cref="EncodeAsync"/>.</summary>
    public static JsonObject Message(string type, JsonObject fields) =>
        new() { ["$type"] = type, ["fields"] = fields };

    /// <summary>A bytes value holding a marshaled message, for <see cref="EncodeAsync"/>.</summary>
    public static JsonObject Marshaled(string type, JsonObject fields) =>
        new() { ["$encode"] = new JsonObject { ["type"] = type, ["fields"] = fields } };

    /// <summary>A raw bytes value for <see cref="EncodeAsync"/>.</summary>
    public static JsonObject Bytes(ReadOnlySpan<byte> bytes) =>
        new() { ["$base64"] = Convert.ToBase64String(bytes) };

    /// <summary>A bytes value holding UTF-8 text, for <see cref="EncodeAsync"/>.</summary>
    public static JsonObject Utf8(string text) =>
        new() { ["$utf8"] = text };
}
