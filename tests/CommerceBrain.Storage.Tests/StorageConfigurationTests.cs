using CommerceBrain.Storage.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Storage;

namespace CommerceBrain.Storage.Tests;

public sealed class StorageConfigurationTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("config");

    public void Dispose() => TempDirectory.Delete(_directory);

    private static StorageConfigurationException AddStorageFails(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return Assert.Throws<StorageConfigurationException>(() => new ServiceCollection().AddStorage(configuration));
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_valid_names()
    {
        var ex = AddStorageFails(new() { ["CommerceBrain:Storage:Provider"] = "MongoDb" });

        Assert.Contains("CommerceBrain:Storage:Provider", ex.Message);
        Assert.Contains("MongoDb", ex.Message);
        Assert.Contains("Sqlite", ex.Message);
        Assert.Contains("PostgreSql", ex.Message);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_naming_the_setting()
    {
        var ex = AddStorageFails(new() { ["CommerceBrain:Storage:Provider"] = "postgresql" });

        Assert.Contains("CommerceBrain:Storage:ConnectionString", ex.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_it()
    {
        var ex = AddStorageFails(new()
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = "Host=db;Password=hunter2;Bogus Keyword=1",
        });

        Assert.Contains("CommerceBrain:Storage:ConnectionString", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Theory]
    [InlineData("sqlite", StorageProviderKind.Sqlite)]
    [InlineData("SQLITE", StorageProviderKind.Sqlite)]
    [InlineData("PostgreSQL", StorageProviderKind.PostgreSql)]
    [InlineData(null, StorageProviderKind.Sqlite)]
    public void Provider_names_are_case_insensitive_and_default_to_sqlite(string? provider, StorageProviderKind expected)
    {
        var settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = provider,
            ["CommerceBrain:Storage:ConnectionString"] = expected == StorageProviderKind.PostgreSql ? "Host=localhost" : null,
        }).Build());

        Assert.Equal(expected, settings.Provider);
    }

    [Fact]
    public void Sqlite_defaults_to_commercebrain_db_under_the_data_directory()
    {
        var settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(Path.GetFullPath("./data"), settings.DataDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath("./data"), "commercebrain.db"), settings.SqliteFile);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_reported_with_host_and_port_but_no_password()
    {
        await using var harness = StorageHarness.Create(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=shop;Username=cb;Password=s3cret-pw;Timeout=5",
        });

        var ex = await Assert.ThrowsAsync<StorageConfigurationException>(() => harness.Get<StorageInitializer>().InitializeAsync());

        Assert.Contains("127.0.0.1:1", ex.Message);
        Assert.Contains("CommerceBrain:Storage:ConnectionString", ex.Message);
        Assert.DoesNotContain("s3cret-pw", ex.Message);
        Assert.False((await harness.Get<IStorageReadiness>().CheckAsync()).IsReady);
    }

    [Fact]
    public async Task An_unwritable_data_directory_is_reported_with_its_path_and_setting()
    {
        var blocker = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var dataDirectory = Path.Combine(blocker, "data");
        await using var harness = StorageHarness.Create(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = dataDirectory });

        var ex = await Assert.ThrowsAsync<StorageConfigurationException>(() => harness.Get<StorageInitializer>().InitializeAsync());

        Assert.Contains(dataDirectory, ex.Message);
        Assert.Contains("CommerceBrain:DataDirectory", ex.Message);
        Assert.Contains("CommerceBrain__DataDirectory", ex.Message);
    }

    [Fact]
    public async Task The_host_start_up_fails_with_the_configuration_exception()
    {
        var blocker = Path.Combine(_directory, "another-file");
        await File.WriteAllTextAsync(blocker, "x");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = Path.Combine(blocker, "d") });
        builder.Services.AddStorage(builder.Configuration);
        using var host = builder.Build();

        await Assert.ThrowsAsync<StorageConfigurationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task Start_up_creates_the_data_directory_and_a_wal_mode_sqlite_file()
    {
        var dataDirectory = Path.Combine(_directory, "fresh", "data");
        await using var harness = await StorageHarness.StartAsync(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = dataDirectory });

        var file = Path.Combine(dataDirectory, "commercebrain.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True((await harness.Get<IStorageReadiness>().CheckAsync()).IsReady);
    }

    private static IHost SiloHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddCommerceBrainStorage(StorageSettings.FromConfiguration(configuration)));
        return builder.Build();
    }

    [Fact]
    public void On_sqlite_the_silo_gets_our_grain_storage_as_Default_and_our_reminder_table()
    {
        using var host = SiloHost(new() { ["CommerceBrain:DataDirectory"] = _directory });

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");

        Assert.IsType<Sqlite.SqliteGrainStorage>(storage);
        Assert.Same(storage, host.Services.GetRequiredService<IGrainStorage>());
        Assert.IsType<Sqlite.SqliteReminderTable>(host.Services.GetRequiredService<IReminderTable>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is StorageInitializer);
    }

    [Fact]
    public void On_postgresql_the_silo_gets_orleans_adonet_grain_storage_and_reminder_table()
    {
        using var host = SiloHost(new()
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=unused;Username=cb",
        });

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");

        Assert.Equal("Orleans.Storage.AdoNetGrainStorage", storage.GetType().FullName);
        Assert.Equal("AdoNetReminderTable", host.Services.GetRequiredService<IReminderTable>().GetType().Name);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_reported_with_its_name_and_the_fix()
    {
        var missing = $"cb_missing_{Guid.NewGuid():N}";
        await using var harness = StorageHarness.Create(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.AdminConnectionString()) { Database = missing }.ConnectionString,
        });

        var ex = await Assert.ThrowsAsync<StorageConfigurationException>(() => harness.Get<StorageInitializer>().InitializeAsync());

        Assert.Contains(missing, ex.Message);
        Assert.Contains("does not exist", ex.Message);
        Assert.Contains("CommerceBrain:Storage:ConnectionString", ex.Message);
    }

    [Fact]
    public async Task A_login_the_server_refuses_is_reported_as_an_authentication_failure()
    {
        await using var harness = StorageHarness.Create(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.AdminConnectionString())
            {
                Username = $"cb_no_such_role_{Guid.NewGuid():N}"[..30],
                Password = "s3cret-pw",
            }.ConnectionString,
        });

        var ex = await Assert.ThrowsAsync<StorageConfigurationException>(() => harness.Get<StorageInitializer>().InitializeAsync());

        Assert.Contains("credentials", ex.Message);
        Assert.Contains("Username", ex.Message);
        Assert.DoesNotContain("s3cret-pw", ex.Message);
    }

    [Fact]
    public async Task A_user_who_may_not_create_tables_is_told_which_migration_failed_and_what_to_grant()
    {
        var (database, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        var role = $"cb_noddl_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(PostgreSqlTestServer.AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN; REVOKE CREATE ON DATABASE {database} FROM PUBLIC", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await using (var db = new NpgsqlConnection(connectionString))
            {
                // PostgreSQL 15 no longer lets PUBLIC create in schema public; older servers did, so revoke it explicitly.
                await db.OpenAsync();
                await using var revoke = new NpgsqlCommand("REVOKE CREATE ON SCHEMA public FROM PUBLIC", db);
                await revoke.ExecuteNonQueryAsync();
            }

            await using var harness = StorageHarness.Create(new Dictionary<string, string?>
            {
                ["CommerceBrain:Storage:Provider"] = "PostgreSql",
                ["CommerceBrain:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString,
            });

            var ex = await Assert.ThrowsAsync<StorageConfigurationException>(() => harness.Get<StorageInitializer>().InitializeAsync());

            Assert.Contains("schema", ex.Message);
            Assert.Contains("GRANT", ex.Message);
            Assert.Contains(role, ex.Message);
        }
        finally
        {
            await PostgreSqlTestServer.DropDatabaseAsync(database);
            await using var admin = new NpgsqlConnection(PostgreSqlTestServer.AdminConnectionString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void Sqlite_synchronous_defaults_to_full()
    {
        var settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal("Full", settings.Options.SqliteSynchronous);
    }

    [Fact]
    public void An_invalid_sqlite_synchronous_mode_is_refused()
    {
        var ex = AddStorageFails(new() { ["CommerceBrain:Storage:SqliteSynchronous"] = "Off" });

        Assert.Contains("SqliteSynchronous", ex.Message);
    }

    [Fact]
    public void Group_commit_and_sqlite_settings_bind_from_the_storage_section()
    {
        var settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:GroupCommit:MaxBatchSize"] = "256",
            ["CommerceBrain:Storage:GroupCommit:FlushDelay"] = "00:00:00.002",
            ["CommerceBrain:Storage:SqliteSynchronous"] = "full",
            ["CommerceBrain:DataDirectory"] = _directory,
        }).Build());

        Assert.Equal(256, settings.Options.GroupCommit.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(2), settings.Options.GroupCommit.FlushDelay);
        Assert.Equal("full", settings.Options.SqliteSynchronous);
        Assert.Equal(Path.Combine(_directory, "commercebrain.db"), settings.SqliteFile);
    }
}
