using CommerceBrain.Agents.Contracts;
using CommerceBrain.Commerce;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>One Orleans silo with the agents module (and commerce, for order values) on a fresh SQLite file.</summary>
public abstract class AgentsGrainFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-agents-" + Guid.NewGuid().ToString("N"));

    // Grain state is stored per service id: a restarted silo must keep it to find its queues' rosters again.
    private readonly string serviceId = "cb-agents-" + Guid.NewGuid().ToString("N")[..8];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>
    /// The routing listener and the admission as the session grain would resolve them on the silo (the module's other
    /// listener learns assist answers from resolved sessions).
    /// </summary>
    public ISessionLifecycleListener Listener =>
        Cluster.GetSiloServiceProvider().GetServices<ISessionLifecycleListener>().OfType<CommerceBrain.Agents.Routing.SessionRoutingListener>().Single();

    public IAgentAdmission Admission => Cluster.GetSiloServiceProvider().GetRequiredService<IAgentAdmission>();

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public Task InitializeAsync() => StartAsync();

    /// <summary>Stops the silo and starts a new one over the same database: every grain activates again from storage.</summary>
    public async Task RestartAsync()
    {
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var values = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = directory,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = StorageSettings.FromConfiguration(configuration);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCommerceBrainStorage(settings);
            silo.Services.AddCommerce(configuration);
            silo.Services.AddAgents(configuration);
            ConfigureSilo(silo);
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

/// <summary>Clocks long enough that no test sees a breach.</summary>
public sealed class RoutingFixture : AgentsGrainFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CommerceBrain:Agents:FirstResponse"] = "01:00:00",
        ["CommerceBrain:Agents:NextResponse"] = "01:00:00",
    };
}

/// <summary>One-second clocks, so breaches come quickly.</summary>
public sealed class SlaFixture : AgentsGrainFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CommerceBrain:Agents:FirstResponse"] = "00:00:01",
        ["CommerceBrain:Agents:NextResponse"] = "00:00:01",
    };
}

/// <summary>
/// A first-response clock long enough to deactivate the session's routing grain before it runs out, and one-second
/// reminders (Orleans' minimum lowered for the test), so only the durable reminder can bring the breach.
/// </summary>
public sealed class DurableSlaFixture : AgentsGrainFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CommerceBrain:Agents:FirstResponse"] = "00:00:05",
        ["CommerceBrain:Agents:ReminderPeriod"] = "00:00:01",
    };

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
}
