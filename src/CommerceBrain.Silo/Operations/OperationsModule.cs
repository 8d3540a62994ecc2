using CommerceBrain.Silo.Operations.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceBrain.Silo.Operations;

/// <summary>Registers the operations page's metrics: the sampler (from start-up), the reporter and the JSON types.</summary>
public static class OperationsModule
{
    /// <summary>Adds the sampler, the reporter and the options (<c>CommerceBrain:Operations</c>); call after UseOrleans.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperationsOptions>()
            .Bind(configuration.GetSection(OperationsOptions.Section))
            .Validate(o => o.PushInterval > TimeSpan.Zero && o.GaugeInterval > TimeSpan.Zero && o.SiloStaleAfter > o.PushInterval,
                $"{OperationsOptions.Section}: PushInterval and GaugeInterval must be positive and SiloStaleAfter longer than PushInterval.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiloMetricsSampler>();
        services.AddHostedService<OperationsReporter>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, OperationsJsonContext.Default));
        return services;
    }
}
