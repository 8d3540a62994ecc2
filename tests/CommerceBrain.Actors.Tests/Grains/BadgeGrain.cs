using System.Text.Json.Serialization;
using CommerceBrain.Actors.Persistence;

namespace CommerceBrain.Actors.Tests.Grains;

/// <summary>A state type that a module serialises through its own source-generated context.</summary>
public sealed class BadgeState
{
    public int Count { get; set; }
}

[JsonSerializable(typeof(BadgeState))]
public sealed partial class BadgeJsonContext : JsonSerializerContext;

public interface IBadgeGrain : IGrainWithStringKey
{
    Task<int> Award();

    Task<int> Count();
}

public sealed class BadgeGrain([PersistentState("badge")] IPersistentState<BadgeState> badge) : Grain, IBadgeGrain
{
    public async Task<int> Award()
    {
        badge.State.Count++;
        await badge.WriteStateAsync();
        return badge.State.Count;
    }

    public Task<int> Count() => Task.FromResult(badge.State.Count);
}
