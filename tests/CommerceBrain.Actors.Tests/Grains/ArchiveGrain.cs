using CommerceBrain.Actors.Persistence;

namespace CommerceBrain.Actors.Tests.Grains;

public interface IArchiveGrain : IGrainWithStringKey
{
    Task Store(string text);
}

/// <summary>Keeps two states in two storages: the default one and the keyed "archive" one.</summary>
public sealed class ArchiveGrain(
    [PersistentState("live")] IPersistentState<ProfileState> live,
    [PersistentState("archived", "archive")] IPersistentState<ProfileState> archived) : Grain, IArchiveGrain
{
    public async Task Store(string text)
    {
        live.State.Name = text;
        archived.State.Name = text.ToUpperInvariant();
        await live.WriteStateAsync();
        await archived.WriteStateAsync();
    }
}
