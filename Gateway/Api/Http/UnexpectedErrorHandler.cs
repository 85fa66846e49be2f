using Microsoft.AspNetCore.Diagnostics;

namespace Ceiba.Gateway.Api.Http;

/// <summary>The last resort: any exception becomes a problem without a stack trace; the details go to the log only.</summary>
public sealed partial class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is invalid.", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "The request was cancelled.", "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error.", $"The server failed to process the request (trace {httpContext.TraceIdentifier})."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = null,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {TraceIdentifier} failed unexpectedly.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string traceIdentifier);
}
