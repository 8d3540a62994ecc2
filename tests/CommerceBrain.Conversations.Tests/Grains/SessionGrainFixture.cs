using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>One Orleans silo with the real transcript ledger on a fresh SQLite file and the <see cref="ScriptedPolicy"/>.</summary>
public sealed class SessionGrainFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-sessions-" + Guid.NewGuid().ToString("N"));

    internal ScriptedPolicy Policy { get; } = new();

    internal RecordingLifecycleListener Listener { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = directory,
            ["CommerceBrain:Conversations:Sessions:MaxTurnsPerSession"] = "5",
            ["CommerceBrain:Conversations:Sessions:ListenerRetryDelay"] = "00:00:00.050",
        }).Build();
        var settings = StorageSettings.FromConfiguration(configuration);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCommerceBrainStorage(settings);
            silo.Services.AddConversations(configuration);
            silo.Services.AddSingleton<IDialoguePolicy>(Policy);
            silo.Services.AddSingleton<ISessionLifecycleListener>(Listener);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the OS temp cleaner takes it.
        }
    }
}
