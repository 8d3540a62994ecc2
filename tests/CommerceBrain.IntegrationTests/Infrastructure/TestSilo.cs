using System.Net.Http.Headers;
using CommerceBrain.Identity.Tokens;
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

    private TestSilo(WebApplication app, string dataDirectory, TempDirectory? ownDataDirectory, Uri? address)
    {
        App = app;
        DataDirectory = dataDirectory;
        this.ownDataDirectory = ownDataDirectory;
        Address = address;
        Client = address is null ? app.GetTestClient() : new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The loopback address Kestrel listens on (<c>listenOnLoopback</c>); null on the in-memory test server.</summary>
    public Uri? Address { get; }

    public string DataDirectory { get; }

    /// <summary>
    /// Starts a silo; without a data directory in <paramref name="settings"/> it gets a temp one, deleted on dispose.
    /// <paramref name="mapExtra"/> may add endpoints (e.g. one that throws) before it starts. NLU loads the shared
    /// demo models (<see cref="SharedNluModels"/>) unless <paramref name="configuration"/> says otherwise; with
    /// <paramref name="waitForNlu"/> the call returns once the models are loaded (or known to be unavailable).
    /// With <paramref name="listenOnLoopback"/> the silo listens on a real 127.0.0.1 port (for a browser) instead of
    /// the in-memory test server. <paramref name="services"/> registers services after the modules did (so they win, e.g. a test's implementation of a module seam).
    /// </summary>
    public static async Task<TestSilo> StartAsync(ServeSettings? settings = null, Action<WebApplication>? mapExtra = null,
        IReadOnlyDictionary<string, string?>? configuration = null, bool waitForNlu = true, bool listenOnLoopback = false,
        Action<IServiceCollection>? services = null)
    {
        settings ??= ServeSettings.None;
        var address = listenOnLoopback
            ? new Uri($"http://127.0.0.1:{FreePort.Closed().ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            : null;
        if (address is not null)
        {
            settings = settings with { Urls = address.ToString().TrimEnd('/') };
        }

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

            // Tests drive many requests from one client; rate-limit tests turn the limiter back on through 'configuration'.
            overrides["CommerceBrain:RateLimits:Enabled"] = "false";
            // Seeding the demo marketplace would slow every test silo; tests that want it configure it.
            overrides["CommerceBrain:Commerce:SeedDemoData"] = "false";

            // Training the coupons conversion model in every test silo would only compete for the CPU; the optimiser's
            // tests turn it back on (and keep the simulated experiment small) through 'configuration'.
            overrides["CommerceBrain:Coupons:ConversionModel:TrainOnStart"] = "false";
            overrides["CommerceBrain:Coupons:ConversionModel:TrainingCustomers"] = "5000";

            // Tests run silos side by side in one process: each gets its own Orleans silo port.
            overrides["CommerceBrain:Cluster:SiloPort"] = FreePort.Closed().ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            {
                overrides[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(overrides);
            if (address is null)
            {
                builder.WebHost.UseTestServer();
            }

            var app = SiloApplication.Build(builder, services);
            mapExtra?.Invoke(app);
            await SiloApplication.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            if (waitForNlu)
            {
                await app.Services.GetRequiredService<NluModelState>().Settled.WaitAsync(Eventually.DefaultTimeout);
            }

            return new TestSilo(app, directory, own, address);
        }
        catch
        {
            own?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A bearer token this silo accepts (signed with its key) for <paramref name="subject"/> in <paramref name="role"/>.
    /// <paramref name="clock"/> moves the issue time (e.g. a <c>FakeTimeProvider</c> set hours back gives an expired token).
    /// </summary>
    public string TokenFor(string subject, string role, string? merchantId = null, TimeSpan? lifetime = null, TimeProvider? clock = null) =>
        new TokenIssuer(App.Services.GetRequiredService<TokenSigningKey>(), clock ?? TimeProvider.System)
            .Issue(subject, role, merchantId, lifetime).Token;

    /// <summary>A new client of this silo that sends <paramref name="token"/> as its bearer token; dispose it.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = Address is null ? App.GetTestClient() : new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new client of this silo authenticated as <paramref name="subject"/> in <paramref name="role"/>; dispose it.</summary>
    public HttpClient ClientAs(string subject, string role, string? merchantId = null) =>
        ClientWithToken(TokenFor(subject, role, merchantId));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        ownDataDirectory?.Dispose();
    }
}
