using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Http;

namespace Ceiba.Gateway.Api.Records;

/// <summary>
/// The API's own checks before anything reaches the ledger: ids, page sizes and required fields. The chaincode
/// checks every rule again; these only make the common mistakes cheap and name the field.
/// </summary>
public static class RequestValidation
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The page size from the query text, or a 400 naming <c>pageSize</c>.</summary>
    public static (int PageSize, IResult? Problem) PageSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (DefaultPageSize, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? (size, null)
            : (0, Problems.Field("pageSize", $"must be an integer from 1 to {MaxPageSize}, got '{Shorten(text)}'"));
    }

    /// <summary>A route id: a positive integer for clinical records, 1–64 id characters for accounts.</summary>
    public static IResult? Id(EhrResource resource, string id, string field = "id")
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.IsAccount ? AccountId(id, field) : ClinicalId(id, field);
    }

    /// <summary>The fields a new record must carry; null when all are there.</summary>
    public static IResult? NewRecord(EhrResource resource, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var id = body[resource.IdField];
        if (resource.IsAccount)
        {
            if (id is not JsonValue text || text.GetValueKind() != JsonValueKind.String || AccountId(text.GetValue<string>(), resource.IdField) is not null)
            {
                errors[resource.IdField] = [$"{resource.IdField} is required: 1-64 letters, digits, '.', '_' or '-'"];
            }

            if (body.ContainsKey("password_hash"))
            {
                errors["password_hash"] = ["password_hash is computed by the API; send password instead"];
            }
        }
        else if (id is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !number.TryGetValue<long>(out var value) || value <= 0)
        {
            errors[resource.IdField] = [$"{resource.IdField} is required: an integer greater than 0"];
        }

        foreach (var field in resource.Required.Where(f => body[f] is null))
        {
            errors[field] = [$"{field} is required"];
        }

        return errors.Count == 0 ? null : Problems.Validation(errors);
    }

    private static IResult? ClinicalId(string id, string field) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? null
            : Problems.Field(field, $"must be an integer greater than 0, got '{Shorten(id)}'");

    private static IResult? AccountId(string id, string field) =>
        id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : Problems.Field(field, $"must be 1-64 letters, digits, '.', '_' or '-', got '{Shorten(id)}'");

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
