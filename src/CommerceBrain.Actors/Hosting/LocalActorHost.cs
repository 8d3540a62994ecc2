using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Actors;

/// <summary>
/// Runs the actor runtime without ASP.NET or a generic host (tests, benchmarks, tools): builds a service provider,
/// starts its hosted services, and stops them (deactivating every grain) on dispose.
/// </summary>
public sealed class LocalActorHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IHostedService[] _hostedServices;
    private bool _stopped;

    private LocalActorHost(ServiceProvider provider)
    {
        _provider = provider;
        _hostedServices = [.. provider.GetServices<IHostedService>()];
        Grains = provider.GetRequiredService<IGrainFactory>();
    }

    public IServiceProvider Services => _provider;

    public IGrainFactory Grains { get; }

    /// <summary>Builds and starts a host. <paramref name="configureServices"/> runs before the runtime is added,
    /// so services it registers (a TimeProvider, storage) take precedence.</summary>
    public static async Task<LocalActorHost> StartAsync(
        Action<IServiceCollection>? configureServices,
        Action<ActorsBuilder>? configureActors,
        IConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddActors(configuration ?? new ConfigurationBuilder().Build(), configureActors);
        var host = new LocalActorHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        foreach (var service in host._hostedServices)
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        return host;
    }

    /// <summary>Stops the hosted services in reverse order; the runtime deactivates every grain.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        for (var i = _hostedServices.Length - 1; i >= 0; i--)
        {
            await _hostedServices[i].StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _provider.DisposeAsync().ConfigureAwait(false);
    }
}
