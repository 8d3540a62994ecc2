using CommerceBrain.Inference;
using CommerceBrain.Nlu;
using CommerceBrain.Silo.Health;
using CommerceBrain.Silo.Nlu.Models;

namespace CommerceBrain.Silo.Nlu;

/// <summary>
/// The NLU module in the silo: trains missing models from the configured data in the background at start-up, loads
/// them (intent graph published to CommerceBrain.Inference for micro-batched ONNX Runtime runs), gates readiness on
/// them and serves <c>/api/nlu</c>.
/// </summary>
public static class NluModule
{
    /// <summary>Registers options (<c>CommerceBrain:Nlu</c>), the inference service, the model loader and the readiness check.</summary>
    public static IServiceCollection AddNlu(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NluServingOptions>().Bind(configuration.GetSection(NluServingOptions.Section));
        services.AddOptions<NluOptions>().Bind(configuration.GetSection(NluOptions.Section));
        services.AddInference(configuration);
        services.AddSingleton<NluModelState>();
        services.AddHostedService<NluModelLoader>();
        services.AddHealthChecks().AddCheck<NluHealthCheck>("nlu", tags: [HealthEndpoints.ReadyTag]);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, NluJsonContext.Default));
        return services;
    }
}
