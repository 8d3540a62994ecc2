using System.Net;
using System.Net.Sockets;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace CommerceBrain.Storage.Tests.Clustering;

/// <summary>
/// Two real silos (two hosts in this process, real TCP on loopback) using Orleans' ADO.NET clustering on the schema
/// our PostgreSQL migrations create: they join one cluster, see each other Active, and a stopped one stops being Active.
/// </summary>
public sealed class PostgreSqlClusterMembershipTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<IHost> _hosts = [];
    private string _database = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync() => (_database, _connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(30));
            }
            finally
            {
                host.Dispose();
            }
        }

        if (_database is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_database);
        }
    }

    [Fact]
    public async Task Two_silos_join_one_cluster_see_each_other_active_and_a_stopped_one_is_no_longer_active()
    {
        var first = await StartSiloAsync("silo-a");
        var second = await StartSiloAsync("silo-b");
        var firstAddress = Address(first);
        var secondAddress = Address(second);

        var rows = await MembersAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(Active, r.Status));
        Assert.Contains(rows, r => r.Port == firstAddress.Endpoint.Port && r.Generation == firstAddress.Generation);
        Assert.Contains(rows, r => r.Port == secondAddress.Endpoint.Port && r.Generation == secondAddress.Generation);
        await EventuallyAsync(() => SeesActive(first, secondAddress) && SeesActive(second, firstAddress), "both silos list each other as Active");

        await second.StopAsync().WaitAsync(Patience);

        await EventuallyAsync(
            async () => (await MembersAsync()).Single(r => r.Port == secondAddress.Endpoint.Port).Status != Active,
            "the stopped silo's row leaves Active");
        Assert.Equal(Active, (await MembersAsync()).Single(r => r.Port == firstAddress.Endpoint.Port).Status);
        await EventuallyAsync(() => !SeesActive(first, secondAddress), "the remaining silo no longer lists the stopped one as Active");

        // Orleans' defunct-silo clean-up (10.4.2 uses CleanupDefunctSiloEntryKey row by row) removes the Dead row only.
        await EventuallyAsync(async () => (await MembersAsync()).Single(r => r.Port == secondAddress.Endpoint.Port).Status == Dead, "the stopped silo is Dead");
        await first.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        var remaining = Assert.Single(await MembersAsync());
        Assert.Equal((firstAddress.Endpoint.Port, Active), (remaining.Port, remaining.Status));
    }

    private async Task<IHost> StartSiloAsync(string name)
    {
        var storage = StorageSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = _connectionString,
        }).Build());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = name });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = _clusterId;
                o.ServiceId = "storage-tests";
            });
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = StorageSiloBuilderExtensions.PostgreSqlInvariant;
                o.ConnectionString = _connectionString;
            });
            silo.AddCommerceBrainStorage(storage);
        });
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync().WaitAsync(Patience);
        return host;
    }

    private static SiloAddress Address(IHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static bool SeesActive(IHost host, SiloAddress other) =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.TryGetValue(other, out var member)
        && member.Status == SiloStatus.Active;

    private async Task<List<MemberRow>> MembersAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return [.. await connection.QueryAsync<MemberRow>(
            "SELECT address AS Address, port AS Port, generation AS Generation, status AS Status FROM orleansmembershiptable WHERE deploymentid = @id",
            new { id = _clusterId })];
    }

    private static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(() => Task.FromResult(condition()), what);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Patience.TotalSeconds:F0} s waiting until {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record MemberRow(string Address, int Port, int Generation, int Status);
}
