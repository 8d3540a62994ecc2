using CommerceBrain.Silo.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;

namespace CommerceBrain.Silo.Errors;

/// <summary>
/// Turns exceptions into problem details. Client mistakes keep their 4xx status and message; anything else is a 500
/// that tells nothing about the internals (the trace id links it to the log entry).
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is invalid.", bad.Message),
            TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The service is busy.",
                "The silo could not complete the request in time; retry later."),
            // A silo of the cluster died or is leaving: the grain comes back on another silo within seconds.
            SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException => (StatusCodes.Status503ServiceUnavailable,
                "The service is briefly unavailable.", "Part of the cluster is recovering from a failure; retry in a few seconds."),
            // Another activation wrote the same state first (a split activation during a membership change); nothing was
            // stored by this request and the grain reloads, so a retry sees the stored value.
            InconsistentStateException => (StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable.",
                "The change collided with a concurrent one and was not stored; retry."),
            // Orleans wraps a storage provider's failure; the database or disk being away is worth a retry, not a 500.
            OrleansException { InnerException: System.Data.Common.DbException or IOException or TimeoutException } =>
                (StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable.", "Storage did not answer; nothing was stored. Retry later."),
            // A module's own table (e.g. the transcript ledger) did not take the write: nothing was acknowledged.
            System.Data.Common.DbException or CommerceBrain.Storage.GroupCommit.GroupCommitAbortedException => (StatusCodes.Status503ServiceUnavailable,
                "The service is briefly unavailable.", "Storage did not answer; nothing was stored. Retry later."),
            // First start trains the models; sessions answer once they are loaded.
            CommerceBrain.Nlu.Contracts.ModelsNotReadyException => (StatusCodes.Status503ServiceUnavailable,
                "The language models are still loading.", "The silo is training or loading its models; retry in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", (string?)null),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            // The route pattern, not the path: paths carry ids that may be personal.
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";
            LogFailure(logger, exception, httpContext.Request.Method, route, status);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            SiloTelemetry.UnavailableResponses.Add(1);
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        await ProblemDetailsSetup.Problem(status, title, detail).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Route} failed with {StatusCode}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string route, int statusCode);
}
