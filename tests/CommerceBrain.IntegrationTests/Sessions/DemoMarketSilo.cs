using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests.Sessions;

/// <summary>A silo with the seeded demo marketplace (customers, orders, shops and their FAQs), ready for customer sessions.</summary>
public abstract class DemoMarketSilo : IAsyncLifetime
{
    private PostgresTestDatabase? database;

    public TestSilo Silo { get; private set; } = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        var settings = ServeSettings.None;
        if (OnPostgreSql)
        {
            database = await PostgresTestDatabase.CreateAsync();
            settings = settings with { StorageProvider = "PostgreSql", ConnectionString = database.ConnectionString };
        }

        Silo = await TestSilo.StartAsync(settings, configuration: new Dictionary<string, string?>
        {
            ["CommerceBrain:Commerce:SeedDemoData"] = "true",
        });
        await Eventually.UntilAsync(async () =>
        {
            using var response = await Silo.Client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }, "the demo data is seeded and the silo is ready", TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class SqliteDemoMarketSilo : DemoMarketSilo
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlDemoMarketSilo : DemoMarketSilo
{
    protected override bool OnPostgreSql => true;
}
