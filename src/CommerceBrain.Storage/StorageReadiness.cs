using System.Data.Common;
using CommerceBrain.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceBrain.Storage;

/// <summary>Compares the recorded migrations with every registered source; also serves as the "storage" health check.</summary>
internal sealed class StorageReadiness(StorageDatabase database, IEnumerable<IMigrationSource> sources) : IStorageReadiness, IHealthCheck
{
    public async Task<StorageReadinessResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        var where = database.Settings.Describe();
        IReadOnlySet<(string Module, int Version)> applied;
        try
        {
            applied = await database.ReadAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or SqliteException or IOException or TimeoutException or InvalidOperationException)
        {
            return new StorageReadinessResult(false, $"{where} is not reachable: {ex.Message}");
        }

        var missing = sources
            .SelectMany(s => s.GetMigrations(database.Provider))
            .Where(m => !applied.Contains((m.Module, m.Version)))
            .Select(m => $"{m.Module}/{m.Name}")
            .ToList();
        return missing.Count == 0
            ? new StorageReadinessResult(true, $"{where} reachable, {applied.Count} migration(s) applied")
            : new StorageReadinessResult(false, $"{where} reachable but not migrated; pending: {string.Join(", ", missing)}");
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(cancellationToken).ConfigureAwait(false);
        return result.IsReady ? HealthCheckResult.Healthy(result.Description) : HealthCheckResult.Unhealthy(result.Description);
    }
}
