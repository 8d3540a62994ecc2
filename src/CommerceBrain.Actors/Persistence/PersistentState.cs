using System.Text.Json;

namespace CommerceBrain.Actors.Persistence;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: JSON over a byte-level <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IStateLoader
{
    private readonly string _stateName;
    private readonly IGrainStorage _storage;
    private readonly GrainId _grainId;
    private readonly JsonSerializerOptions _json;
    private TState _state;

    public PersistentState(string stateName, IGrainStorage storage, GrainId grainId, JsonSerializerOptions json)
    {
        _stateName = stateName;
        _storage = storage;
        _grainId = grainId;
        _json = json;
        _state = CreateDefault();
    }

    public TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value), "Grain state cannot be null; use ClearStateAsync to remove it.");
    }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_grainId, _stateName, cancellationToken).ConfigureAwait(false);
        if (record?.Payload is { } payload)
        {
            _state = JsonSerializer.Deserialize<TState>(payload, _json)
                ?? throw new JsonException($"State '{_stateName}' of grain '{_grainId}' deserialised to null.");
            RecordExists = true;
        }
        else
        {
            _state = CreateDefault();
            RecordExists = false;
        }

        Etag = record?.ETag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(_state, _json);
        Etag = await _storage.WriteAsync(_grainId, _stateName, payload, Etag, cancellationToken).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        // Nothing was ever stored (no version known): clearing is a no-op, as Orleans fixed in #3516.
        if (Etag is not null)
        {
            Etag = await _storage.ClearAsync(_grainId, _stateName, Etag, cancellationToken).ConfigureAwait(false);
        }

        _state = CreateDefault();
        RecordExists = false;
    }

    Task IStateLoader.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private static TState CreateDefault()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException($"Grain state type {typeof(TState).Name} needs a public parameterless constructor.", e);
        }
    }
}

/// <summary>Lets the runtime load every state of a new activation before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
