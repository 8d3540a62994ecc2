using System.Data.Common;
using System.Net.Sockets;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommerceBrain.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL database behind one <see cref="NpgsqlDataSource"/> (connection pool). Statements are auto-prepared
/// per physical connection, so the hot paths cost one round-trip with no parse/plan.
/// </summary>
internal sealed class PostgreSqlDatabase : StorageDatabase
{
    // Arbitrary constant shared by every silo: serialises migration runs across processes.
    private const long MigrationLockKey = 0x43_42_5F_4D_49_47_52_41; // "CB_MIGRA"

    public PostgreSqlDatabase(StorageSettings settings, TimeProvider timeProvider)
        : base(settings, timeProvider)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        var csb = builder.ConnectionStringBuilder;
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            csb.MaxAutoPrepare = settings.Options.PostgreSqlMaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages"))
        {
            csb.AutoPrepareMinUsages = 2;
        }

        // Our statements leave no session state behind, so skip the reset round-trip on pool return.
        if (!given.ContainsKey("No Reset On Close"))
        {
            csb.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Application Name"))
        {
            csb.ApplicationName = "CommerceBrain";
        }

        Host = csb.Host ?? "localhost";
        UserName = csb.Username ?? Environment.UserName;
        Port = csb.Port;
        DatabaseName = csb.Database;
        DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    public string Host { get; }

    public int Port { get; }

    public string? DatabaseName { get; }

    public string UserName { get; }

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<T> WriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, cancellationToken).ConfigureAwait(false);
    }

    internal override async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw Unreachable(ex);
        }
    }

    /// <summary>Turns a connection failure into a message naming the server (never the password) and the setting.</summary>
    internal StorageConfigurationException Unreachable(Exception ex)
    {
        var where = string.IsNullOrEmpty(DatabaseName) ? $"{Host}:{Port}" : $"{Host}:{Port} (database '{DatabaseName}')";
        var detail = ex.InnerException is SocketException socket ? $"{ex.Message} ({socket.Message})" : ex.Message;
        var hint = (ex as PostgresException)?.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                "The server refused the credentials: check Username and Password",
            PostgresErrorCodes.InvalidCatalogName => "The database does not exist: create it or fix Database",
            PostgresErrorCodes.TooManyConnections => "The server has no free connections: lower Maximum Pool Size or raise max_connections",
            _ => "Start the server or fix Host and Port",
        };
        return new StorageConfigurationException(
            $"Cannot connect to PostgreSQL at {where}: {detail.TrimEnd('.')}. {hint} in '{StorageOptions.SectionName}:ConnectionString' " +
            "(environment variable CommerceBrain__Storage__ConnectionString).", ex);
    }

    internal override async Task<int> ApplyMigrationsAsync(IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A session lock, so that two silos starting together apply each script once; the second waits, then finds it recorded.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var step = "schema_migrations";
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    module     text        NOT NULL,
                    version    integer     NOT NULL,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL,
                    PRIMARY KEY (module, version)
                )
                """, cancellationToken: cancellationToken)).ConfigureAwait(false);

            var applied = 0;
            foreach (var migration in migrations)
            {
                step = $"{migration.Module}/{migration.Name}";
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM schema_migrations WHERE module = @Module AND version = @Version",
                    new { migration.Module, migration.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (exists > 0)
                {
                    continue;
                }

                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@Module, @Version, @Name, @At)",
                    new { migration.Module, migration.Version, migration.Name, At = Time.GetUtcNow() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                applied++;
                StorageLog.MigrationApplied(logger, migration.Module, migration.Name);
            }

            return applied;
        }
        catch (PostgresException ex)
        {
            throw SchemaFailure(step, ex);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>A migration the server refused: names the step, the user and, for missing privileges, the GRANT to run.</summary>
    private StorageConfigurationException SchemaFailure(string step, PostgresException ex)
    {
        var where = $"{Host}:{Port}/{DatabaseName}";
        var hint = ex.SqlState == PostgresErrorCodes.InsufficientPrivilege
            ? $"The user '{UserName}' may not create the schema: run the migrations once as the database owner, or grant it " +
              $"the right (e.g. GRANT CREATE ON SCHEMA public TO {UserName}; as the owner of '{DatabaseName}')"
            : "The database holds objects this migration does not expect: restore a database this version created, or use an empty one";
        return new StorageConfigurationException(
            $"The storage schema cannot be created on PostgreSQL {where}: migration {step} failed with {ex.SqlState}: {ex.MessageText}. " +
            $"{hint}. Connection: '{StorageOptions.SectionName}:ConnectionString'.", ex);
    }

    internal override async Task<IReadOnlySet<(string Module, int Version)>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var set = new HashSet<(string, int)>();
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!exists)
        {
            return set;
        }

        foreach (var (module, version) in await connection.QueryAsync<(string, int)>(new CommandDefinition(
            "SELECT module, version FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            set.Add((module, version));
        }

        return set;
    }

    internal override Func<IReadOnlyList<TRow>, CancellationToken, Task> CreateBulkAppender<TRow>(AppendOnlyTable<TRow> table) =>
        new PostgreSqlBulkAppender<TRow>(DataSource, table).AppendBatchAsync;

    public override ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
