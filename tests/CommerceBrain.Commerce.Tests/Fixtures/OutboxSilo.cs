using System.Net;
using System.Net.Sockets;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Refunds;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>
/// One silo with storage and the commerce module over a given database, with one refund listener and the refund sweeper
/// set as the test asks; several can run one after the other over the same database, like a restarted silo.
/// </summary>
public sealed class OutboxSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private OutboxSilo(IHost host, RecordingRefundListener listener)
    {
        _host = host;
        Listener = listener;
    }

    public RecordingRefundListener Listener { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    internal CommerceStore Store => _host.Services.GetRequiredService<CommerceStore>();

    internal RefundDeliverySweeper Sweeper => _host.Services.GetRequiredService<RefundDeliverySweeper>();

    /// <summary>Starts a silo; <paramref name="sweepInterval"/> zero switches the sweeper off.</summary>
    public static async Task<OutboxSilo> StartAsync(IDictionary<string, string?> database, TimeSpan sweepInterval, RecordingRefundListener? listener = null)
    {
        listener ??= new RecordingRefundListener();
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>(database)
        {
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
            ["CommerceBrain:Commerce:RefundSweepInterval"] = sweepInterval.ToString("c"),
            ["CommerceBrain:Commerce:RefundRetryDelay"] = "00:00:00.200",
            ["CommerceBrain:Commerce:RefundMaxRetryDelay"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddStorage(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddCommerceBrainStorage(storage));
        builder.Services.AddSingleton<IMerchantFaqPublisher>(new RecordingFaqPublisher());
        builder.Services.AddSingleton<IOrderRefundListener>(listener);
        builder.Services.AddCommerce(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new OutboxSilo(host, listener);
    }

    /// <summary>Seeds the small demo marketplace (once per database).</summary>
    public Task SeedAsync() => _host.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSize.Small, null, CancellationToken.None);

    /// <summary>A seeded order of <paramref name="status"/> without refunds, the <paramref name="index"/>-th.</summary>
    public async Task<(string OrderId, string CustomerId)> UnrefundedOrderAsync(OrderStatus status, int index = 0)
    {
        await using var connection = await _host.Services.GetRequiredService<StorageDatabase>().OpenConnectionAsync();
        return await Dapper.SqlMapper.QuerySingleAsync<(string, string)>(connection,
            """
            SELECT o.order_id, o.customer_id FROM orders o
            WHERE o.status = @status AND o.customer_id > 'c-00010'
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.order_id)
            ORDER BY o.order_id LIMIT 1 OFFSET @index
            """, new { status = StoredNames.Of(status), index = (long)index });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
