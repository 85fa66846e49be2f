using System.Diagnostics;
using System.Net.Http.Headers;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Workloads.HttpTarget;

/// <summary>
/// Sends one Gateway.Api request and reports it as one <see cref="TransactionSample"/> named by its route
/// (e.g. <c>POST /api/notes</c>): a status outside 2xx is <see cref="FailureKind.Http"/>, a request that outlives the
/// transaction timeout is <see cref="FailureKind.Timeout"/>, a broken connection is <see cref="FailureKind.Other"/>.
/// Requests are never retried.
/// </summary>
internal sealed class ApiCall(HttpClient http, TimeSpan transactionTimeout)
{
    public HttpClient Http => http;

    /// <summary>Sends the request; answers the body of a 2xx response, or null.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<byte[]?> SendAsync(Func<HttpRequestMessage> build, string type, bool isWrite, string province, string? bearer, StepTiming step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var start = Stopwatch.GetTimestamp();
        var intended = step.IntendedOr(start);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(transactionTimeout);
        try
        {
            using var request = build();
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var ok = response.IsSuccessStatusCode;
            step.Metrics.Record(new TransactionSample(type, province, isWrite, intended, start, Stopwatch.GetTimestamp(), null, null, null,
                ok ? FailureKind.None : FailureKind.Http, null, ok ? null : Describe(response, body)));
            return ok ? body : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            var failure = timeout.IsCancellationRequested ? FailureKind.Timeout : FailureKind.Other;
            step.Metrics.Record(new TransactionSample(type, province, isWrite, intended, start, Stopwatch.GetTimestamp(), null, null, null, failure, null, Short(e.Message)));
            return null;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static string Describe(HttpResponseMessage response, byte[] body)
    {
        var detail = body.Length == 0 ? string.Empty : ": " + System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return Short($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{detail}");
    }

    private static string Short(string message)
    {
        message = message.ReplaceLineEndings(" ");
        return message.Length <= 300 ? message : message[..300] + "…";
    }
}
