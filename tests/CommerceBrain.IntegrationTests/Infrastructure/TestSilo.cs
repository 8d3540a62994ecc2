using CommerceBrain.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// The silo composed exactly as <c>serve</c> composes it, on an in-memory test server with its own SQLite data directory.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly TempDirectory dataDirectory;

    private TestSilo(WebApplication app, TempDirectory dataDirectory)
    {
        App = app;
        this.dataDirectory = dataDirectory;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataDirectory => dataDirectory.Path;

    /// <summary>Starts a silo; <paramref name="mapExtra"/> may add endpoints (e.g. one that throws) before it starts.</summary>
    public static async Task<TestSilo> StartAsync(ServeSettings? settings = null, Action<WebApplication>? mapExtra = null, bool prepare = true)
    {
        var directory = TempDirectory.Create();
        try
        {
            var builder = SiloApplication.CreateBuilder((settings ?? ServeSettings.None) with { DataDirectory = directory.Path });
            builder.WebHost.UseTestServer();
            var app = SiloApplication.Build(builder);
            mapExtra?.Invoke(app);
            if (prepare)
            {
                await SiloApplication.PrepareAsync(app, CancellationToken.None);
            }

            await app.StartAsync();
            return new TestSilo(app, directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        dataDirectory.Dispose();
    }
}
