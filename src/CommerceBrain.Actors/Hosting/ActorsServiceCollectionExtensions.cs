using CommerceBrain.Actors.Placement;
using CommerceBrain.Actors.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Actors;

/// <summary>Adds the actor runtime to a service collection.</summary>
public static class ActorsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the actor runtime: <see cref="IGrainFactory"/>, a hosted service that starts reminders and idle collection and
    /// deactivates every grain on stop, and <see cref="ActorsOptions"/> bound from <c>CommerceBrain:Actors</c>.
    /// Register <see cref="Persistence.IGrainStorage"/> and <see cref="Reminders.IReminderTable"/> separately.
    /// </summary>
    public static IServiceCollection AddActors(this IServiceCollection services, IConfiguration configuration, Action<ActorsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(ActorRuntime)))
        {
            services.AddOptions<ActorsOptions>().Bind(configuration.GetSection(ActorsOptions.SectionName));
            services.AddOptions<Persistence.GrainStateSerializerOptions>();
            services.AddSingleton<IPostConfigureOptions<Persistence.GrainStateSerializerOptions>, Persistence.ReflectionFallbackLast>();
            services.AddLogging();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IPlacementDirector, LocalPlacementDirector>();
            services.AddSingleton<ActorRuntime>();
            services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ActorRuntime>().GrainFactory);
            services.AddSingleton<IActorRuntimeDiagnostics>(sp => sp.GetRequiredService<ActorRuntime>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ActorRuntime>());
        }

        configure?.Invoke(new ActorsBuilder(services));
        return services;
    }
}
