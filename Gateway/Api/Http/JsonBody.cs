using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Http;

/// <summary>Reads a request body as one JSON object, with a 400 that says where the JSON is broken.</summary>
public static class JsonBody
{
    /// <summary>The field name used for problems with the body as a whole.</summary>
    public const string Field = "body";

    /// <summary>The body's object, or a problem describing why there is none.</summary>
    public static async Task<(JsonObject? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            return (null, Problems.Field(Field, $"is not valid JSON: {error.Message}"));
        }

        return node is JsonObject body
            ? (body, null)
            : (null, Problems.Field(Field, $"must be a JSON object, got {(node is null ? "null or nothing" : node.GetValueKind().ToString())}"));
    }
}
