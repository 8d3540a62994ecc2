using System.Reflection;
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
    /// <summary>The name of the grain storage <see cref="StorageSiloBuilderExtensions.AddCommerceBrainStorage"/> adds (Orleans' default storage name).</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The storage module's own migration module name.</summary>
    public const string MigrationModule = "storage";

    /// <summary>
    /// Registers <see cref="StorageSettings"/>, <see cref="StorageDatabase"/>, <see cref="IGroupCommitWriterFactory"/>,
    /// <see cref="StorageInitializer"/> (hosted service), <see cref="IStorageReadiness"/> and a "storage" health check
    /// tagged "ready". Grain storage and reminders are Orleans services: add them with
    /// <see cref="StorageSiloBuilderExtensions.AddCommerceBrainStorage"/>.
    /// Throws <see cref="StorageConfigurationException"/> at once for an unknown provider or a missing connection string.
    /// A second call is ignored.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddStorage(StorageSettings.FromConfiguration(configuration));
    }

    /// <summary>The same as <see cref="AddStorage(IServiceCollection, IConfiguration)"/> with already validated settings.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
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
