using System.Reflection;
using System.Text.Json;
using CommerceBrain.Actors.Filters;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Actors;

/// <summary>Registers grain classes, call filters and state serialisation for the actor runtime.</summary>
public sealed class ActorsBuilder
{
    internal ActorsBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Serves <typeparamref name="TInterface"/> with <typeparamref name="TGrain"/>; wins over assembly scans.</summary>
    public ActorsBuilder AddGrain<TInterface, TGrain>()
        where TInterface : IGrainWithStringKey
        where TGrain : class, TInterface
    {
        Services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TGrain), IsExplicit: true));
        return this;
    }

    /// <summary>Registers every concrete grain class in <paramref name="assembly"/> for each grain interface it implements.</summary>
    public ActorsBuilder AddGrainsFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            foreach (var grainInterface in type.GetInterfaces())
            {
                if (typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface) && grainInterface != typeof(IGrainWithStringKey))
                {
                    Services.AddSingleton(new GrainRegistration(grainInterface, type, IsExplicit: false));
                }
            }
        }

        return this;
    }

    /// <summary>Adds a silo-wide incoming call filter; filters run in registration order.</summary>
    public ActorsBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>
    /// Adjusts the JSON options for persisted state, for example to insert a source-generated context into
    /// <see cref="JsonSerializerOptions.TypeInfoResolverChain"/>. The runtime keeps the reflection resolver last in that
    /// chain, so other modules' state types that are in no context keep serialising.
    /// </summary>
    public ActorsBuilder ConfigureStateSerializer(Action<JsonSerializerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<GrainStateSerializerOptions>(o => configure(o.SerializerOptions));
        return this;
    }
}
