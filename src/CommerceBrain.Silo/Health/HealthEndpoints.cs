using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CommerceBrain.Silo.Health;

/// <summary>
/// <c>/health/live</c>: the process is up and serving HTTP (no dependency is checked, so an orchestrator does not
/// restart a silo because the database blinked). <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the health check service and the Orleans silo's readiness check (modules register their own).</summary>
    public static IServiceCollection AddCommerceBrainHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }
}
