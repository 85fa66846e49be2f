using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;
using Ceiba.Gateway.Api.Http;

namespace Ceiba.Gateway.Api.Accounts;

/// <summary>
/// Turns a new admin or doctor as posted (with a plain <c>password</c>) into the ledger record (with
/// <c>password_hash</c>): the hospital must be one of the network's, and the province defaults to its org's.
/// </summary>
public static class AccountRequests
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>The record for the ledger and the one to answer with, or a 400 naming the field.</summary>
    public static (JsonObject? Ledger, JsonObject? Public, IResult? Problem) Prepare(JsonObject body, NetworkMaterial network, PasswordHashing hashing)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(hashing);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var password = Text(body, "password");
        if (password is null || password.Length < MinPasswordLength)
        {
            errors["password"] = [$"password must be a string of at least {MinPasswordLength} characters"];
        }

        var hospital = Text(body, "hospital");
        var org = hospital is null ? null : network.OrgOfHospital(hospital);
        if (org is null)
        {
            var known = network.Orgs.SelectMany(o => o.Hospitals).ToList();
            var shown = string.Join(", ", known.Take(10)) + (known.Count > 10 ? $", ... ({known.Count} in all)" : string.Empty);
            errors["hospital"] = [$"hospital must be the id of a hospital of this network ({shown}), got '{hospital}'"];
        }

        var province = body["province"];
        if (org is not null && province is not null && Text(body, "province") != org.ProvinceCode)
        {
            errors["province"] = [$"province must be {org.ProvinceCode}, the province of hospital '{hospital}', got '{province.ToJsonString()}'"];
        }

        if (errors.Count > 0)
        {
            return (null, null, Problems.Validation(errors));
        }

        var ledger = body.DeepClone().AsObject();
        ledger.Remove("password");
        ledger["province"] = org!.ProvinceCode;
        var answer = ledger.DeepClone().AsObject();
        ledger["password_hash"] = hashing.Hash(password!);
        return (ledger, answer, null);
    }

    /// <summary>Removes <c>password_hash</c> wherever an account record could carry it.</summary>
    public static JsonNode? WithoutPasswordHashes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("password_hash");
                foreach (var (_, value) in obj)
                {
                    WithoutPasswordHashes(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutPasswordHashes(item);
                }

                break;
        }

        return node;
    }

    private static string? Text(JsonObject body, string field) =>
        body[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
