using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Accounts;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;
using Ceiba.Gateway.Api.Http;
using Ceiba.Gateway.Api.Records;

namespace Ceiba.Gateway.Api.Endpoints;

using Ceiba.Gateway.Client;

/// <summary>List, get and create for every collection: admins, doctors, persons, visits, conditions, drug exposures, notes.</summary>
public static class RecordEndpoints
{
    /// <summary>Maps <c>/api/{collection}</c>, <c>/api/{collection}/{id}</c> and <c>/api/persons/{id}/record</c>.</summary>
    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var resource in EhrResources.All)
        {
            var group = api.MapGroup(resource.Route).RequireAuthorization(resource.Role).WithTags(resource.Route);
            group.MapGet("", (HttpContext context, string? pageSize, string? bookmark, FabricGateways fabric) =>
                    ListAsync(resource, context, pageSize, bookmark, fabric))
                .WithName(resource.List)
                .WithSummary($"Lists {resource.Route}, a page at a time (pageSize 1-100, default 20; bookmark from the previous page).")
                .Produces<JsonObject>(StatusCodes.Status200OK);
            group.MapGet("{id}", (HttpContext context, string id, FabricGateways fabric) => GetAsync(resource, context, id, fabric))
                .WithName(resource.Get)
                .WithSummary($"Reads one of {resource.Route} by {resource.IdField}.")
                .Produces<JsonObject>(StatusCodes.Status200OK);
            group.MapPost("", (HttpContext context, FabricGateways fabric, PasswordHashing hashing) => CreateAsync(resource, context, fabric, hashing))
                .WithName(resource.Create)
                .WithSummary(resource.IsAccount
                    ? $"Creates one of {resource.Route}; send password in plain text, the API stores only its hash."
                    : $"Creates one of {resource.Route}; records are append-only.")
                .Accepts<JsonObject>("application/json")
                .Produces<JsonObject>(StatusCodes.Status201Created);
        }

        api.MapGet("persons/{id}/record", (HttpContext context, string id, FabricGateways fabric) => PatientRecordAsync(context, id, fabric))
            .RequireAuthorization(EhrRoles.Doctor)
            .WithTags(EhrResources.Persons.Route)
            .WithName("GetPatientRecord")
            .WithSummary("The patient's full record: the person with its visits, conditions, drug exposures and notes.")
            .Produces<JsonObject>(StatusCodes.Status200OK);
        return api;
    }

    private static async Task<IResult> ListAsync(EhrResource resource, HttpContext context, string? pageSizeText, string? bookmark, FabricGateways fabric)
    {
        var (pageSize, problem) = RequestValidation.PageSize(pageSizeText);
        if (problem is not null)
        {
            return problem;
        }

        var arguments = ProposalOptions.FromArguments(pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), bookmark ?? string.Empty);
        var bytes = await ContractOf(context, fabric).EvaluateTransactionAsync(resource.List, arguments, context.RequestAborted);
        return Json(resource, bytes);
    }

    private static async Task<IResult> GetAsync(EhrResource resource, HttpContext context, string id, FabricGateways fabric)
    {
        if (RequestValidation.Id(resource, id) is { } problem)
        {
            return problem;
        }

        var bytes = await ContractOf(context, fabric).EvaluateTransactionAsync(resource.Get, ProposalOptions.FromArguments(id), context.RequestAborted);
        return Json(resource, bytes);
    }

    private static async Task<IResult> CreateAsync(EhrResource resource, HttpContext context, FabricGateways fabric, PasswordHashing hashing)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        if (RequestValidation.NewRecord(resource, body) is { } invalid)
        {
            return invalid;
        }

        var ledger = body;
        var answer = body;
        if (resource.IsAccount)
        {
            var prepared = AccountRequests.Prepare(body, fabric.Material, hashing);
            if (prepared.Problem is not null)
            {
                return prepared.Problem;
            }

            (ledger, answer) = (prepared.Ledger!, prepared.Public!);
        }

        // One submit, never repeated: an unknown outcome is reported to the caller (503), who can read the record back.
        await ContractOf(context, fabric).SubmitTransactionAsync(resource.Create, ProposalOptions.FromArguments(ledger.ToJsonString()), context.RequestAborted);
        var id = resource.IsAccount ? answer[resource.IdField]!.GetValue<string>() : answer[resource.IdField]!.ToJsonString();
        return TypedResults.Created($"/api/{resource.Route}/{id}", answer);
    }

    private static async Task<IResult> PatientRecordAsync(HttpContext context, string id, FabricGateways fabric)
    {
        if (RequestValidation.Id(EhrResources.Persons, id) is { } problem)
        {
            return problem;
        }

        var bytes = await ContractOf(context, fabric).EvaluateTransactionAsync("GetPatientRecord", ProposalOptions.FromArguments(id), context.RequestAborted);
        return Results.Bytes(bytes, "application/json");
    }

    private static Contract ContractOf(HttpContext context, FabricGateways fabric)
    {
        var user = EhrUser.From(context.User);
        return fabric.ContractFor(user.Hospital, user.Role);
    }

    private static IResult Json(EhrResource resource, byte[] bytes) =>
        resource.IsAccount
            ? TypedResults.Json(AccountRequests.WithoutPasswordHashes(JsonNode.Parse(bytes)))
            : Results.Bytes(bytes, "application/json");
}
