using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Inference;

/// <summary>Registers the inference module.</summary>
public static class InferenceModule
{
    /// <summary>
    /// Adds <see cref="InferenceOptions"/> (section <c>CommerceBrain:Inference</c>), the <see cref="ModelRegistry"/>, the
    /// batching <see cref="IInferenceService"/>, a start-up loader for the models listed in the options, and the stop of
    /// the service with the host (after the other hosted services; running model runs are terminated when the host's
    /// shutdown timeout expires). In a silo, <see cref="IInferenceGrain"/> needs nothing more: Orleans finds the grain
    /// class in this assembly.
    /// </summary>
    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .Validate(o =>
            {
                o.Validate();
                return true;
            });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ModelRegistry(
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value.SessionSettings,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ModelRegistry>>()));
        services.TryAddSingleton<InferenceService>();
        services.TryAddSingleton<IInferenceService>(sp => sp.GetRequiredService<InferenceService>());
        services.AddHostedService<ModelFileLoader>();
        services.AddHostedService<InferenceShutdown>();
        return services;
    }
}
