namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>A freshly created, migrated database of one provider, shared by one test class.</summary>
public interface IStorageFixture
{
    StorageProviderKind Provider { get; }

    /// <summary>Settings that reach this fixture's database; use them to start more harnesses on it.</summary>
    IDictionary<string, string?> Settings { get; }

    StorageHarness Harness { get; }
}
