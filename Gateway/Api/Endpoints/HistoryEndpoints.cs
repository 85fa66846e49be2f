using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Accounts;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;
using Ceiba.Gateway.Api.Http;
using Ceiba.Gateway.Api.Records;

namespace Ceiba.Gateway.Api.Endpoints;

using Ceiba.Gateway.Client;

/// <summary><c>GET /api/history/{recordType}/{id}</c>: every change of one record, newest first.</summary>
public static class HistoryEndpoints
{
    /// <summary>Maps the history route; doctors read clinical histories, admins account histories.</summary>
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("history/{recordType}/{id}", HistoryAsync)
            .RequireAuthorization()
            .WithTags("history")
            .WithName("GetRecordHistory")
            .WithSummary("The changes of one record, newest first: person, visit_occurrence, condition_occurrence, drug_exposure, note (doctors); admin, doctor (admins).")
            .Produces<JsonArray>(StatusCodes.Status200OK);
        return api;
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, string recordType, string id, FabricGateways fabric)
    {
        var resource = EhrResources.ByRecordType(recordType);
        if (resource is null)
        {
            var known = string.Join(", ", EhrResources.All.Select(r => r.RecordType));
            return Problems.Field("recordType", $"must be one of {known}, got '{recordType}'");
        }

        var user = EhrUser.From(context.User);
        if (user.Role != resource.Role)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden.",
                $"The history of {recordType} records requires role '{resource.Role}'; you have role '{user.Role}'.");
        }

        if (RequestValidation.Id(resource, id) is { } problem)
        {
            return problem;
        }

        var contract = fabric.ContractFor(user.Hospital, user.Role);
        var bytes = await contract.EvaluateTransactionAsync("GetRecordHistory", ProposalOptions.FromArguments(recordType, id), context.RequestAborted);
        return resource.IsAccount
            ? TypedResults.Json(AccountRequests.WithoutPasswordHashes(JsonNode.Parse(bytes)))
            : Results.Bytes(bytes, "application/json");
    }
}
