using CommerceBrain.Silo.Hosting;
using CommerceBrain.Nlu.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// The silo composed exactly as <c>serve</c> composes it, on an in-memory test server with its own SQLite data directory.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly TempDirectory? ownDataDirectory;

    private TestSilo(WebApplication app, string dataDirectory, TempDirectory? ownDataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        this.ownDataDirectory = ownDataDirectory;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataDirectory { get; }

    /// <summary>
    /// Starts a silo; without a data directory in <paramref name="settings"/> it gets a temp one, deleted on dispose.
    /// <paramref name="mapExtra"/> may add endpoints (e.g. one that throws) before it starts. NLU loads the shared
    /// demo models (<see cref="SharedNluModels"/>) unless <paramref name="configuration"/> says otherwise; with
    /// <paramref name="waitForNlu"/> the call returns once the models are loaded (or known to be unavailable).
    /// </summary>
    public static async Task<TestSilo> StartAsync(ServeSettings? settings = null, Action<WebApplication>? mapExtra = null,
        IReadOnlyDictionary<string, string?>? configuration = null, bool waitForNlu = true)
    {
        settings ??= ServeSettings.None;
        var own = settings.DataDirectory is null ? TempDirectory.Create() : null;
        var directory = settings.DataDirectory ?? own!.Path;
        try
        {
            var builder = SiloApplication.CreateBuilder(settings with { DataDirectory = directory });
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (configuration is null || !configuration.ContainsKey(SharedNluModels.ModelDirectorySetting))
            {
                overrides[SharedNluModels.ModelDirectorySetting] = SharedNluModels.Directory;
            }

            // Seeding the demo marketplace would slow every test silo; tests that want it configure it.
            overrides["CommerceBrain:Commerce:SeedDemoData"] = "false";

            // Tests run silos side by side in one process: each gets its own Orleans silo port.
            overrides["CommerceBrain:Cluster:SiloPort"] = FreePort.Closed().ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            {
                overrides[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(overrides);
            builder.WebHost.UseTestServer();
            var app = SiloApplication.Build(builder);
            mapExtra?.Invoke(app);
            await SiloApplication.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            if (waitForNlu)
            {
                await app.Services.GetRequiredService<NluModelState>().Settled.WaitAsync(Eventually.DefaultTimeout);
            }

            return new TestSilo(app, directory, own);
        }
        catch
        {
            own?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        ownDataDirectory?.Dispose();
    }
}
