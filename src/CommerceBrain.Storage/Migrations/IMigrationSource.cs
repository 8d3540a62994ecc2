namespace CommerceBrain.Storage.Migrations;

/// <summary>
/// Supplies a module's migrations. Register with <see cref="StorageServiceCollectionExtensions.AddStorageMigrations"/>;
/// the <see cref="StorageInitializer"/> applies every registered source at start-up, the storage module's own first.
/// </summary>
public interface IMigrationSource
{
    /// <summary>The module name the versions belong to.</summary>
    string Module { get; }

    /// <summary>The scripts for <paramref name="provider"/>, in any order.</summary>
    IReadOnlyList<Migration> GetMigrations(StorageProviderKind provider);
}
