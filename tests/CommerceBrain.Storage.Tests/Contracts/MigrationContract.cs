using System.Data.Common;
using CommerceBrain.Storage.Migrations;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>Start-up migrations and readiness, run against every provider.</summary>
public abstract class MigrationContract(IStorageFixture fixture)
{
    private static async Task<List<(string Module, long Version, string Name)>> RecordedAsync(StorageHarness harness)
    {
        await using DbConnection connection = await harness.Get<StorageDatabase>().OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, long, string)>("SELECT module, version, name FROM schema_migrations ORDER BY module, version");
        return [.. rows];
    }

    [Fact]
    public async Task Every_registered_migration_is_recorded_once_with_its_file_name()
    {
        var recorded = await RecordedAsync(fixture.Harness);

        var storage = new EmbeddedMigrationSource("storage", typeof(StorageDatabase).Assembly).GetMigrations(fixture.Provider);
        Assert.All(storage, m => Assert.Contains(("storage", (long)m.Version, m.Name), recorded));
        Assert.Contains(("storage", 1L, "0001_grain_state_and_reminders.sql"), recorded);
        Assert.Contains((StorageHarness.TestMigrationModule, 1L, "0001_test_events.sql"), recorded);
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
    }

    [Fact]
    public async Task Starting_again_on_a_migrated_database_applies_nothing_and_keeps_the_data()
    {
        var stream = Guid.NewGuid().ToString("N");
        await fixture.Harness.Get<StorageDatabase>().WriteAsync((connection, ct) => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO test_events (stream, seq, body, at) VALUES (@stream, 1, 'kept', @at)",
            new { stream, at = fixture.Provider == StorageProviderKind.PostgreSql ? (object)DateTimeOffset.UtcNow : 0L },
            cancellationToken: ct)));
        var before = await RecordedAsync(fixture.Harness);

        await using var again = await StorageHarness.StartAsync(fixture.Settings);
        await again.Get<StorageInitializer>().InitializeAsync();

        Assert.Equal(before, await RecordedAsync(again));
        await using DbConnection connection = await again.Get<StorageDatabase>().OpenConnectionAsync();
        Assert.Equal("kept", await connection.ExecuteScalarAsync<string>("SELECT body FROM test_events WHERE stream = @stream", new { stream }));
    }

    [Fact]
    public async Task Two_processes_starting_together_both_succeed_and_apply_each_migration_once()
    {
        var settings = await FreshDatabaseSettingsAsync();
        await using var first = StorageHarness.Create(settings);
        await using var second = StorageHarness.Create(settings);

        await Task.WhenAll(
            Task.Run(() => first.Get<StorageInitializer>().InitializeAsync()),
            Task.Run(() => second.Get<StorageInitializer>().InitializeAsync()));

        var recorded = await RecordedAsync(first);
        var expected = new[] { "storage", StorageHarness.TestMigrationModule }
            .SelectMany(m => new EmbeddedMigrationSource(m, m == "storage" ? typeof(StorageDatabase).Assembly : typeof(StorageHarness).Assembly)
                .GetMigrations(fixture.Provider))
            .Count();
        Assert.Equal(expected, recorded.Count);
        Assert.True((await second.Get<IStorageReadiness>().CheckAsync()).IsReady);
    }

    [Fact]
    public async Task Readiness_reports_not_migrated_before_start_up_and_ready_after()
    {
        var settings = await FreshDatabaseSettingsAsync();
        await using var harness = StorageHarness.Create(settings);
        var readiness = harness.Get<IStorageReadiness>();

        var before = await readiness.CheckAsync();
        await harness.Get<StorageInitializer>().InitializeAsync();
        var after = await readiness.CheckAsync();

        Assert.False(before.IsReady);
        Assert.True(after.IsReady, after.Description);
    }

    [Fact]
    public void Migration_files_are_found_for_both_providers_in_version_order()
    {
        var source = new EmbeddedMigrationSource("storage", typeof(StorageDatabase).Assembly);

        foreach (var provider in Enum.GetValues<StorageProviderKind>())
        {
            var migrations = source.GetMigrations(provider);
            Assert.NotEmpty(migrations);
            Assert.Equal(migrations.OrderBy(m => m.Version).Select(m => m.Version), migrations.Select(m => m.Version));
            Assert.Contains("grain_state", migrations[0].Sql, StringComparison.Ordinal);
            Assert.Contains(migrations, m => m.Sql.Contains(provider == StorageProviderKind.Sqlite ? "CREATE TABLE grain_state" : "CREATE TABLE orleansstorage", StringComparison.Ordinal));
        }
    }

    /// <summary>Settings for a new, empty database of this provider.</summary>
    protected abstract Task<IDictionary<string, string?>> FreshDatabaseSettingsAsync();
}

public sealed class SqliteMigrationTests(SqliteStorageFixture fixture) : MigrationContract(fixture), IClassFixture<SqliteStorageFixture>, IDisposable
{
    private readonly List<string> _directories = [];

    protected override Task<IDictionary<string, string?>> FreshDatabaseSettingsAsync()
    {
        var directory = TempDirectory.Create("sqlite-fresh");
        _directories.Add(directory);
        return Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "sqlite",
            ["CommerceBrain:DataDirectory"] = Path.Combine(directory, "nested", "data"),
        });
    }

    public void Dispose() => _directories.ForEach(TempDirectory.Delete);
}

public sealed class PostgreSqlMigrationTests(PostgreSqlStorageFixture fixture) : MigrationContract(fixture), IClassFixture<PostgreSqlStorageFixture>
{
    protected override async Task<IDictionary<string, string?>> FreshDatabaseSettingsAsync() =>
        new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "POSTGRESQL",
            ["CommerceBrain:Storage:ConnectionString"] = await fixture.CreateSiblingDatabaseAsync(),
        };
}
