using CommerceBrain.Actors;
using CommerceBrain.Silo.Diagnostics.Contracts;
using CommerceBrain.Silo.Diagnostics.Grains;

namespace CommerceBrain.Silo.Diagnostics;

/// <summary>The diagnostics module: durable counters used as a deployment smoke test and by the crash test.</summary>
public static class DiagnosticsModule
{
    /// <summary>Registers the counter grain with the actor runtime and the module's JSON contracts.</summary>
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DiagnosticsJsonContext.Default));
        return services.AddActors(configuration, actors => actors
            .AddGrain<ICounterGrain, CounterGrain>()
            .ConfigureStateSerializer(json => json.TypeInfoResolverChain.Insert(0, DiagnosticsJsonContext.Default)));
    }
}
