using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CommerceBrain.Silo.Health;

/// <summary>Readiness of the Orleans silo: ready while it is an Active member of its cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        var data = new Dictionary<string, object>
        {
            ["silo"] = oracle.SiloAddress.ToString(),
            ["status"] = status.ToString(),
            ["activeSilos"] = oracle.GetApproximateSiloStatuses(onlyActive: true).Count,
        };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {oracle.SiloAddress} is active", data)
            : HealthCheckResult.Unhealthy($"the silo is {status.ToString().ToLowerInvariant()}, not active", data: data));
    }
}
