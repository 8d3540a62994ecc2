using CommerceBrain.Storage.PostgreSql;
using CommerceBrain.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CommerceBrain.Storage;

/// <summary>Adds CommerceBrain's grain storage and reminder table to an Orleans silo.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant Orleans' providers use for PostgreSQL.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    /// <summary>
    /// Adds grain storage "Default" (Orleans' default provider name) and the reminder service, chosen by
    /// <see cref="StorageSettings.Provider"/>: SQLite uses this module's own <see cref="IGrainStorage"/> and
    /// <see cref="IReminderTable"/>; PostgreSQL uses Orleans' ADO.NET providers (invariant <c>Npgsql</c>) on the
    /// schema this module's migrations create. Also registers the storage module itself
    /// (<see cref="StorageServiceCollectionExtensions.AddStorage(IServiceCollection, StorageSettings)"/>, ignored when
    /// already registered) and applies pending migrations before any Orleans provider starts.
    /// Clustering stays with the silo (<c>UseAdoNetClustering</c> with invariant <c>Npgsql</c> and the same connection
    /// string; its tables and queries come from these migrations).
    /// </summary>
    public static ISiloBuilder AddCommerceBrainStorage(this ISiloBuilder silo, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        var services = silo.Services;
        services.AddStorage(settings);

        // Orleans' providers read their tables (and, on PostgreSQL, their queries) when their lifecycle stage starts,
        // so the schema must be migrated at the very first stage even if the host starts the silo first.
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageSiloLifecycle>();

        var name = StorageServiceCollectionExtensions.DefaultStorageName;
        switch (settings.Provider)
        {
            case StorageProviderKind.Sqlite:
                services.AddGrainStorage(name, (sp, key) => new SqliteGrainStorage(
                    key,
                    Database<SqliteDatabase>(sp, settings),
                    sp.GetKeyedService<IGrainStorageSerializer>(key) ?? sp.GetRequiredService<IGrainStorageSerializer>(),
                    sp.GetRequiredService<IActivatorProvider>(),
                    sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
                silo.AddReminders();
                services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
                    Database<SqliteDatabase>(sp, settings),
                    sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
                break;

            case StorageProviderKind.PostgreSql:
                // Orleans' providers share our pooled NpgsqlDataSource (auto-prepared statements, one pool per silo).
                silo.AddAdoNetGrainStorage(name, options => options.Configure<StorageDatabase>((o, database) =>
                {
                    o.Invariant = PostgreSqlInvariant;
                    o.ConnectionString = null;
                    o.DataSource = Database<PostgreSqlDatabase>(database, settings).DataSource;
                }));
                silo.UseAdoNetReminderService(options => options.Configure<StorageDatabase>((o, database) =>
                {
                    o.Invariant = PostgreSqlInvariant;
                    o.ConnectionString = null;
                    o.DataSource = Database<PostgreSqlDatabase>(database, settings).DataSource;
                }));
                break;

            default:
                throw new StorageConfigurationException(
                    $"'{StorageOptions.SectionName}:Provider' is '{settings.Provider}', which has no Orleans storage. Valid values: Sqlite, PostgreSql.");
        }

        return silo;
    }

    private static T Database<T>(IServiceProvider services, StorageSettings settings)
        where T : StorageDatabase =>
        Database<T>(services.GetRequiredService<StorageDatabase>(), settings);

    private static T Database<T>(StorageDatabase database, StorageSettings settings)
        where T : StorageDatabase =>
        database as T ?? throw new StorageConfigurationException(
            $"Orleans storage was configured for {settings.Provider}, but the storage module was registered for {database.Provider} " +
            $"(AddStorage ran with different settings). Register storage once, from the same '{StorageOptions.SectionName}' settings.");
}
