using System.Reflection;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Reminders;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Migrations;
using CommerceBrain.Storage.PostgreSql;
using CommerceBrain.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Storage;

/// <summary>Registers the storage module.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The key under which the grain storage is also registered (Orleans' default storage name).</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The storage module's own migration module name.</summary>
    public const string MigrationModule = "storage";

    /// <summary>
    /// Registers <see cref="IGrainStorage"/> (unkeyed and keyed "Default"), <see cref="IReminderTable"/>,
    /// <see cref="StorageDatabase"/>, <see cref="IGroupCommitWriterFactory"/>, <see cref="StorageInitializer"/>
    /// (hosted service), <see cref="IStorageReadiness"/> and a "storage" health check tagged "ready".
    /// Throws <see cref="StorageConfigurationException"/> at once for an unknown provider or a missing connection string.
    /// A second call is ignored.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = StorageSettings.FromConfiguration(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageDatabase)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(settings);
        services.AddSingleton<StorageDatabase>(sp => settings.Provider switch
        {
            StorageProviderKind.PostgreSql => new PostgreSqlDatabase(settings, sp.GetRequiredService<TimeProvider>()),
            _ => new SqliteDatabase(settings, sp.GetRequiredService<TimeProvider>()),
        });
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<StorageDatabase>() switch
        {
            PostgreSqlDatabase pg => new PostgreSqlGrainStorage(pg),
            SqliteDatabase sqlite => new SqliteGrainStorage(sqlite),
            var other => throw new InvalidOperationException($"No grain storage for {other.GetType().Name}."),
        });
        services.AddKeyedSingleton<IGrainStorage>(DefaultStorageName, (sp, _) => sp.GetRequiredService<IGrainStorage>());
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<StorageDatabase>() switch
        {
            PostgreSqlDatabase pg => new PostgreSqlReminderTable(pg),
            SqliteDatabase sqlite => new SqliteReminderTable(sqlite),
            var other => throw new InvalidOperationException($"No reminder table for {other.GetType().Name}."),
        });
        services.AddSingleton<IGroupCommitWriterFactory, GroupCommitWriterFactory>();

        // The storage module's migrations go first; modules add theirs with AddStorageMigrations.
        services.Insert(0, ServiceDescriptor.Singleton<IMigrationSource>(new EmbeddedMigrationSource(MigrationModule, typeof(StorageDatabase).Assembly)));
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<IStorageReadiness>(sp => sp.GetRequiredService<StorageReadiness>());
        services.AddHealthChecks().AddCheck<StorageReadiness>("storage", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers a module's embedded migrations (<c>Migrations/Sqlite/NNNN_*.sql</c> and
    /// <c>Migrations/PostgreSql/NNNN_*.sql</c> as EmbeddedResource), applied at start-up after the storage module's.
    /// </summary>
    public static IServiceCollection AddStorageMigrations(this IServiceCollection services, string module, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IMigrationSource>(new EmbeddedMigrationSource(module, assembly));
        return services;
    }
}
