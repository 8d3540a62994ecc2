using Microsoft.AspNetCore.Diagnostics;

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
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", (string?)null),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            // The route pattern, not the path: paths carry ids that may be personal.
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";
            LogFailure(logger, exception, httpContext.Request.Method, route, status);
        }

        httpContext.Response.StatusCode = status;
        await ProblemDetailsSetup.Problem(status, title, detail).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Route} failed with {StatusCode}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string route, int statusCode);
}
