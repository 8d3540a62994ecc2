using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Reminders;
using CommerceBrain.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Actors.Tests.Infrastructure;

/// <summary>A started runtime over in-memory storage and reminders; shared parts let a test "restart" the silo.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(LocalActorHost host, Probe probe, InMemoryGrainStorage storage, InMemoryReminderTable reminders)
    {
        Host = host;
        Probe = probe;
        Storage = storage;
        Reminders = reminders;
    }

    public LocalActorHost Host { get; }

    public IGrainFactory Grains => Host.Grains;

    public Probe Probe { get; }

    public InMemoryGrainStorage Storage { get; }

    public InMemoryReminderTable Reminders { get; }

    internal ActorRuntime Runtime => Host.Services.GetRequiredService<ActorRuntime>();

    public static async Task<TestCluster> StartAsync(
        Action<ActorsOptions>? options = null,
        FakeTimeProvider? time = null,
        Action<ActorsBuilder>? actors = null,
        Probe? probe = null,
        InMemoryGrainStorage? storage = null,
        InMemoryReminderTable? reminders = null,
        Action<IServiceCollection>? services = null)
    {
        probe ??= new Probe();
        storage ??= new InMemoryGrainStorage();
        reminders ??= new InMemoryReminderTable();
        var host = await LocalActorHost.StartAsync(
            collection =>
            {
                services?.Invoke(collection);
                collection.AddSingleton(probe);
                collection.AddSingleton<IGrainStorage>(storage);
                collection.AddSingleton<IReminderTable>(reminders);
                if (time is not null)
                {
                    collection.AddSingleton<TimeProvider>(time);
                }

                collection.Configure<ActorsOptions>(o =>
                {
                    o.CallTimeout = TimeSpan.FromSeconds(30);
                    options?.Invoke(o);
                });
            },
            builder =>
            {
                builder.AddGrainsFromAssembly(typeof(TestCluster).Assembly);
                actors?.Invoke(builder);
            });
        return new TestCluster(host, probe, storage, reminders);
    }

    public Task StopAsync() => Host.StopAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
