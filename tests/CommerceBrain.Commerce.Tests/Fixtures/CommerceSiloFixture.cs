using System.Net;
using System.Net.Sockets;
using CommerceBrain.Commerce.Api;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>
/// A web host with an Orleans silo, SQLite storage and the commerce module, composed like the silo's; the demo data is
/// seeded by the module's hosted service on first start (full size), and the fixture is ready once the "commerce" check is.
/// </summary>
public sealed class CommerceSiloFixture : IAsyncLifetime
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(3);
    private readonly string _directory = TempDirectory.Create("silo");
    private int _taken;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public RecordingFaqPublisher Publisher { get; } = new();

    /// <summary>Two listeners: the first fails for the orders it is told to, the second always records.</summary>
    public RecordingRefundListener FailingListener { get; } = new();

    public RecordingRefundListener RefundListener { get; } = new();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    internal CommerceStore Store => App.Services.GetRequiredService<CommerceStore>();

    public StorageDatabase Database => App.Services.GetRequiredService<StorageDatabase>();

    public HealthReport? SeedingHealth { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = _directory,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddStorage(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddCommerceBrainStorage(storage));
        builder.Services.AddSingleton<IMerchantFaqPublisher>(Publisher);
        builder.Services.AddSingleton<CommerceBrain.Commerce.Contracts.IOrderRefundListener>(FailingListener);
        builder.Services.AddSingleton<CommerceBrain.Commerce.Contracts.IOrderRefundListener>(RefundListener);
        builder.Services.AddCommerce(builder.Configuration);
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        App = builder.Build();
        App.UseAuthentication();
        App.UseAuthorization();
        App.MapCommerceApi();
        await App.StartAsync();
        Client = App.GetTestClient();

        var health = App.Services.GetRequiredService<HealthCheckService>();
        using var timeout = new CancellationTokenSource(SeedTimeout);
        while (true)
        {
            SeedingHealth = await health.CheckHealthAsync(r => r.Name == "commerce", timeout.Token);
            if (SeedingHealth.Status == HealthStatus.Healthy)
            {
                break;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        TempDirectory.Delete(_directory);
    }

    /// <summary>
    /// A generated order of <paramref name="status"/> no other test has taken (tests change orders, so each gets its own).
    /// </summary>
    public async Task<(string OrderId, string CustomerId)> TakeOrderAsync(CommerceBrain.Commerce.Contracts.OrderStatus status)
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        await using var connection = await Database.OpenConnectionAsync();
        var row = await Dapper.SqlMapper.QuerySingleAsync<(string, string)>(connection,
            "SELECT order_id, customer_id FROM orders WHERE status = @status AND customer_id > 'c-00010' AND order_id < '2030' ORDER BY order_id LIMIT 1 OFFSET @index",
            new { status = StoredNames.Of(status), index = (long)index });
        return row;
    }

    /// <summary>
    /// A generated order of <paramref name="status"/> with no refunds and at least <paramref name="minItems"/> different
    /// items that no other test has taken.
    /// </summary>
    public async Task<(string OrderId, string CustomerId)> TakeUnrefundedOrderAsync(CommerceBrain.Commerce.Contracts.OrderStatus status, int minItems = 1)
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        await using var connection = await Database.OpenConnectionAsync();
        return await Dapper.SqlMapper.QuerySingleAsync<(string, string)>(connection,
            """
            SELECT o.order_id, o.customer_id FROM orders o
            WHERE o.status = @status AND o.customer_id > 'c-00010' AND o.order_id < '2030'
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.order_id)
              AND (SELECT count(DISTINCT i.sku) FROM order_items i WHERE i.order_id = o.order_id) >= @minItems
            ORDER BY o.order_id DESC LIMIT 1 OFFSET @index
            """, new { status = StoredNames.Of(status), minItems = (long)minItems, index = (long)index });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class CommerceSiloCollection : ICollectionFixture<CommerceSiloFixture>
{
    public const string Name = "commerce silo";
}
