using Microsoft.AspNetCore.Http.HttpResults;

namespace Ceiba.Gateway.Api.Http;

/// <summary>RFC 7807 answers with the contract's shape: status, title, detail and, for bad input, the fields.</summary>
public static class Problems
{
    /// <summary>A 400 naming each bad field.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? Describe(errors), title: "The request is invalid.");

    /// <summary>A 400 naming one bad field.</summary>
    public static ValidationProblem Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [$"{field} {message}"] });

    /// <summary>Any other problem.</summary>
    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static string Describe(IDictionary<string, string[]> errors) => string.Join("; ", errors.SelectMany(e => e.Value)) + ".";
}
