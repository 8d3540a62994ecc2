using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceBrain.Silo.Health;

/// <summary>Writes a health report: JSON when healthy, <c>application/problem+json</c> with status 503 when not.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
        if (report.Status == HealthStatus.Unhealthy)
        {
            // Check descriptions are written for operators and never carry connection strings or exception text.
            var failing = report.Entries
                .Where(e => e.Value.Status == HealthStatus.Unhealthy)
                .Select(e => $"{e.Key}: {e.Value.Description ?? "unhealthy"}");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The silo is not ready.",
                detail: string.Join("; ", failing),
                extensions: new Dictionary<string, object?> { ["checks"] = checks })
                .ExecuteAsync(http);
        }

        return TypedResults.Json(new HealthView(report.Status.ToString(), checks)).ExecuteAsync(http);
    }
}
