using Microsoft.AspNetCore.Http.HttpResults;

namespace CommerceBrain.Silo.Errors;

/// <summary>Makes every error response <c>application/problem+json</c>: exceptions, bad input, 404, 405 and friends.</summary>
public static class ProblemDetailsSetup
{
    /// <summary>Registers problem details and the exception handler; binding failures throw so the handler answers 400.</summary>
    public static IServiceCollection AddCommerceBrainProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Without this, a bad JSON body ends as an empty 400 in production; throwing lets the handler explain it.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Adds the exception handler and status code pages to the pipeline.</summary>
    public static IApplicationBuilder UseCommerceBrainProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => WriteStatusProblemAsync(context.HttpContext));
        return app;
    }

    // Status code pages run only for empty error responses (no route, wrong method, unsupported media type, ...).
    private static Task WriteStatusProblemAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"No resource at '{http.Request.Path}'. The API is described at /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => $"'{http.Request.Method}' is not allowed on '{http.Request.Path}'.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => null,
        };
        return TypedResults.Problem(statusCode: status, detail: detail).ExecuteAsync(http);
    }

    /// <summary>A problem response that is always written as <c>application/problem+json</c>, whatever the Accept header says.</summary>
    internal static ProblemHttpResult Problem(int status, string? title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
