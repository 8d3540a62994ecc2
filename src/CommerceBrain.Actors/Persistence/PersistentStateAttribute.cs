namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>. The storage is the
/// <see cref="IGrainStorage"/> keyed service named <paramref name="storageName"/>; for "Default" an unkeyed registration also works.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string storageName = PersistentStateAttribute.DefaultStorageName) : Attribute
{
    /// <summary>The storage name used when none is given.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The state name, unique per grain; part of the storage key.</summary>
    public string StateName { get; } = string.IsNullOrWhiteSpace(stateName)
        ? throw new ArgumentException("A persistent state needs a name.", nameof(stateName))
        : stateName;

    /// <summary>The storage provider name.</summary>
    public string StorageName { get; } = string.IsNullOrWhiteSpace(storageName) ? DefaultStorageName : storageName;
}
