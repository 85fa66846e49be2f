using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ceiba.LoadTests.Workloads.HttpTarget;

/// <summary>The login request of Gateway.Api.</summary>
internal sealed record LoginRequest(string Email, string Password);

/// <summary>The login answer of Gateway.Api: a bearer token and its lifetime in seconds.</summary>
internal sealed record LoginResponse(string TokenType, string AccessToken, long ExpiresIn);

/// <summary>Source-generated JSON for the API's own bodies, in the contract's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>Reads list pages without binding to one record type.</summary>
internal static class ApiPages
{
    /// <summary>The <paramref name="idField"/> of each record of a <c>{"records":[...]}</c> page.</summary>
    public static IReadOnlyList<long> Ids(byte[] page, string idField)
    {
        try
        {
            return JsonNode.Parse(page)?["records"] is JsonArray records
                ? [.. records.Select(r => r?[idField]?.GetValue<long>() ?? 0).Where(id => id > 0)]
                : [];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }
}
