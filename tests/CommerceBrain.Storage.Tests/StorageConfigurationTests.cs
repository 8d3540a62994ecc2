using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Reminders;
using CommerceBrain.Storage.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    [Fact]
    public async Task The_grain_storage_is_registered_unkeyed_and_as_Default_with_a_reminder_table()
    {
        await using var harness = StorageHarness.Create(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = _directory });

        var unkeyed = harness.Get<IGrainStorage>();

        Assert.Same(unkeyed, harness.Services.GetRequiredKeyedService<IGrainStorage>("Default"));
        Assert.NotNull(harness.Get<IReminderTable>());
        Assert.Contains(harness.Services.GetServices<IHostedService>(), s => s is StorageInitializer);
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
