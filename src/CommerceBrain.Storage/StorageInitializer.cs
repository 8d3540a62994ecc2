using CommerceBrain.Storage.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Storage;

/// <summary>
/// Prepares storage at start-up: creates the data directory and the SQLite file, checks the server is reachable
/// and applies pending migrations of every registered <see cref="IMigrationSource"/>. Runs as a hosted service;
/// tools without a host call <see cref="InitializeAsync"/>. Failures surface as <see cref="StorageConfigurationException"/>.
/// </summary>
public sealed class StorageInitializer : IHostedService
{
    private readonly StorageDatabase _database;
    private readonly IReadOnlyList<IMigrationSource> _sources;
    private readonly ILogger<StorageInitializer> _logger;
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _initialized;

    public StorageInitializer(StorageDatabase database, IEnumerable<IMigrationSource> sources, ILogger<StorageInitializer> logger)
    {
        _database = database;
        _sources = [.. sources];
        _logger = logger;
    }

    /// <summary>Idempotent: later calls return at once; a failed call may be retried.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            using var activity = StorageTelemetry.ActivitySource.StartActivity("storage.initialize");
            activity?.SetTag("commercebrain.storage.provider", _database.Provider.ToString());
            await _database.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);

            var migrations = new List<Migration>();
            foreach (var source in _sources)
            {
                migrations.AddRange(source.GetMigrations(_database.Provider));
            }

            int applied;
            try
            {
                applied = await _database.ApplyMigrationsAsync(migrations, _logger, cancellationToken).ConfigureAwait(false);
            }
            catch (Npgsql.NpgsqlException ex) when (ex is not Npgsql.PostgresException && _database is PostgreSql.PostgreSqlDatabase pg)
            {
                throw pg.Unreachable(ex);
            }

            _initialized = true;
            StorageLog.StorageReady(_logger, _database.Settings.Describe(), applied);
        }
        finally
        {
            _once.Release();
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
