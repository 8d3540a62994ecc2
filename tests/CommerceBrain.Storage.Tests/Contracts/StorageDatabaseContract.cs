using System.Data.Common;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>The door modules use for their own tables: WriteAsync for writes, OpenConnectionAsync for reads.</summary>
public abstract class StorageDatabaseContract(IStorageFixture fixture)
{
    private StorageDatabase Database => fixture.Harness.Get<StorageDatabase>();

    [Fact]
    public async Task Many_concurrent_module_writes_all_land_and_read_back()
    {
        var table = $"module_notes_{Guid.NewGuid():N}"[..24];
        await Database.WriteAsync((connection, ct) =>
            connection.ExecuteAsync(new CommandDefinition($"CREATE TABLE {table} (id integer PRIMARY KEY, note text NOT NULL)", cancellationToken: ct)));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => Database.WriteAsync((connection, ct) =>
            connection.ExecuteAsync(new CommandDefinition($"INSERT INTO {table} (id, note) VALUES (@i, @note)", new { i, note = $"n{i}" }, cancellationToken: ct))))));

        await using DbConnection reader = await Database.OpenConnectionAsync();
        var notes = (await reader.QueryAsync<string>($"SELECT note FROM {table} ORDER BY id")).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"n{i}"), notes);
    }

    [Fact]
    public async Task A_failing_module_write_surfaces_its_error_and_later_writes_still_work()
    {
        var table = $"module_once_{Guid.NewGuid():N}"[..24];
        await Database.WriteAsync((connection, ct) =>
            connection.ExecuteAsync(new CommandDefinition($"CREATE TABLE {table} (id integer PRIMARY KEY)", cancellationToken: ct)));
        await Database.WriteAsync((c, ct) => c.ExecuteAsync(new CommandDefinition($"INSERT INTO {table} (id) VALUES (1)", cancellationToken: ct)));

        await Assert.ThrowsAnyAsync<DbException>(() =>
            Database.WriteAsync((c, ct) => c.ExecuteAsync(new CommandDefinition($"INSERT INTO {table} (id) VALUES (1)", cancellationToken: ct))));
        await Database.WriteAsync((c, ct) => c.ExecuteAsync(new CommandDefinition($"INSERT INTO {table} (id) VALUES (2)", cancellationToken: ct)));

        await using DbConnection reader = await Database.OpenConnectionAsync();
        Assert.Equal(2L, await reader.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public void The_provider_matches_the_configuration()
    {
        Assert.Equal(fixture.Provider, Database.Provider);
    }
}

public sealed class SqliteStorageDatabaseTests(SqliteStorageFixture fixture) : StorageDatabaseContract(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlStorageDatabaseTests(PostgreSqlStorageFixture fixture) : StorageDatabaseContract(fixture), IClassFixture<PostgreSqlStorageFixture>;
