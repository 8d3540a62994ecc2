using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>The "commerce" readiness check: unhealthy until the demo data is seeded (or seeding is switched off).</summary>
internal sealed class CommerceHealthCheck(CommerceSeedStatus status, IOptions<CommerceOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.SeedDemoData)
        {
            return Task.FromResult(HealthCheckResult.Healthy("demo data seeding is off"));
        }

        if (status.IsFinished)
        {
            return Task.FromResult(HealthCheckResult.Healthy("demo data seeded"));
        }

        if (status.Failure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"seeding the demo data failed ({failure}); it is retried on the next start"));
        }

        return Task.FromResult(HealthCheckResult.Unhealthy(status.Progress is { } p
            ? $"seeding the demo data: {p.Percent}% ({p.Step})"
            : "waiting to seed the demo data"));
    }
}
