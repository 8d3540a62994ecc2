using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>A silo in Development on a loopback port that serves the chat page; no demo data (the API is scripted).</summary>
public sealed class PageSiloFixture : IAsyncLifetime
{
    public TestSilo Silo { get; private set; } = null!;

    public string Url(string pathAndQuery = "/") => new Uri(Silo.Address!, pathAndQuery).ToString();

    public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(
        new ServeSettings(Environment: "Development"),
        configuration: new Dictionary<string, string?> { ["CommerceBrain:Commerce:SeedDemoData"] = "false" },
        waitForNlu: false,
        listenOnLoopback: true);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
