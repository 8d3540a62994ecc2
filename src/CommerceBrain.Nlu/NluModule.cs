using CommerceBrain.Inference;
using CommerceBrain.Nlu.Api;
using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Nlu;

/// <summary>
/// The NLU module in the silo: trains missing models from the configured data in the background at start-up, loads
/// them (intent graph published to CommerceBrain.Inference for micro-batched ONNX Runtime runs), gates readiness on
/// them and serves <c>/api/nlu</c>. Merchants' run-time intents live in <see cref="Contracts.IMerchantIntentsGrain"/>.
/// </summary>
public static class NluModule
{
    /// <summary>The tag of health checks that decide readiness (the silo's <c>/health/ready</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers options (<c>CommerceBrain:Nlu</c>), the inference service, the model loader and the readiness check.</summary>
    public static IServiceCollection AddNlu(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NluServingOptions>()
            .Bind(configuration.GetSection(NluServingOptions.Section))
            .Configure(o =>
            {
                var dataDirectory = configuration["CommerceBrain:DataDirectory"];
                o.DataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory;
            });
        services.AddOptions<NluOptions>().Bind(configuration.GetSection(NluOptions.Section));
        services.AddInference(configuration);
        services.AddSingleton<NluModelState>();
        services.AddHostedService<NluModelLoader>();
        services.AddHealthChecks().AddCheck<NluHealthCheck>("nlu", tags: [ReadyTag]);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, NluJsonContext.Default));
        return services;
    }
}
