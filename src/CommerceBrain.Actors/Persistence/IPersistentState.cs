namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// A named piece of grain state, injected into a grain constructor with <see cref="PersistentStateAttribute"/>.
/// Loaded before <see cref="Grain.OnActivateAsync"/>; written only when the grain says so.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state; a new <typeparamref name="TState"/> when nothing is stored or after a clear. Never null.</summary>
    TState State { get; set; }

    /// <summary>The stored version this state was read or written at; null when no record exists yet.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a (non-cleared) record for this state.</summary>
    bool RecordExists { get; }

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state if storage still holds the version in <see cref="Etag"/>; otherwise throws
    /// <see cref="InconsistentStateException"/> and the newer stored data is kept.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Clears the stored state (same ETag rule as writes) and resets <see cref="State"/> to a new value.
    /// A clear before anything was ever written is a no-op (Orleans #3516).
    /// </summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
