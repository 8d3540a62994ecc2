using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceBrain.Nlu.Serving;

/// <summary>Readiness of the NLU models: a bot cannot answer before they are loaded.</summary>
internal sealed class NluHealthCheck(NluModelState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["status"] = state.Status.ToString() };
        return Task.FromResult(state.Status == NluModelStatus.Ready
            ? HealthCheckResult.Healthy(state.Description, data)
            : HealthCheckResult.Unhealthy(state.Description, data: data));
    }
}
