using CommerceBrain.Actors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceBrain.Silo.Health;

/// <summary>Readiness of the actor runtime: ready unless it is shutting down (then new calls would be refused).</summary>
internal sealed class ActorRuntimeHealthCheck(IActorRuntimeDiagnostics runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["activations"] = runtime.ActivationCount,
            ["pendingCalls"] = runtime.PendingCallCount,
        };
        return Task.FromResult(runtime.IsStopping
            ? HealthCheckResult.Unhealthy("the actor runtime is shutting down", data: data)
            : HealthCheckResult.Healthy($"{runtime.ActivationCount} activations, {runtime.PendingCallCount} pending calls", data: data));
    }
}
