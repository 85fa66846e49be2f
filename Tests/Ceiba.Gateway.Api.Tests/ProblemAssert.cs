using System.Net;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Checks an error answer: the status, an RFC 7807 body, and no stack trace or exception type in it.</summary>
public static class ProblemAssert
{
    // A .NET stack frame ("at Namespace.Type.Method(") or the marker between async parts.
    private const string StackFrame = @"at [\w.`<>+]+\.[\w<>`]+\(|--- End of stack trace";

    public static async Task<JsonObject> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(StackFrame, text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonObject> NamesFieldAsync(HttpResponseMessage response, string field, CancellationToken cancellationToken)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors should name '{field}': {problem.ToJsonString()}");
        return problem;
    }
}
