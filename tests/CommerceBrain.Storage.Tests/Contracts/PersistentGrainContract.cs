using CommerceBrain.Storage.Tests.Fixtures;
using CommerceBrain.Storage.Tests.Grains;
using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>A grain with <c>[PersistentState]</c> on the silo's "Default" storage keeps its state across activations.</summary>
public abstract class PersistentGrainContract(SiloFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task DeactivateAsync(ICounterGrain grain)
    {
        var id = grain.GetGrainId();
        await fixture.Cluster.DeactivateAsync(id).WaitAsync(Patience);
        Assert.False(fixture.Cluster.TryGetGrainContext(id, out _), "the grain is still active");
    }

    [Fact]
    public async Task State_written_by_one_activation_is_read_by_the_next()
    {
        var grain = fixture.Grains.GetGrain<ICounterGrain>($"survivor-{Guid.NewGuid():N}");
        await grain.Increment("one");
        await grain.Increment("two");
        var before = await grain.Read();

        await DeactivateAsync(grain);
        var after = await grain.Read();

        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(2, after.Count);
        Assert.Equal(["one", "two"], after.Notes);
        Assert.True(after.RecordExists);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task A_reactivated_grain_continues_from_the_stored_etag()
    {
        var grain = fixture.Grains.GetGrain<ICounterGrain>($"continues-{Guid.NewGuid():N}");
        await grain.Increment("first life");
        await DeactivateAsync(grain);

        Assert.Equal(2, await grain.Increment("second life"));
        await DeactivateAsync(grain);

        var third = await grain.Read();
        Assert.Equal(["first life", "second life"], third.Notes);
    }

    [Fact]
    public async Task A_cleared_state_stays_cleared_after_reactivation()
    {
        var grain = fixture.Grains.GetGrain<ICounterGrain>($"cleared-{Guid.NewGuid():N}");
        await grain.Increment("soon gone");
        await grain.Clear();

        await DeactivateAsync(grain);
        var after = await grain.Read();

        Assert.Equal(0, after.Count);
        Assert.Empty(after.Notes);
        Assert.False(after.RecordExists);
        Assert.Equal(1, await grain.Increment("after clear"));
    }

    [Fact]
    public async Task The_grain_state_is_in_the_configured_database()
    {
        var grain = fixture.Grains.GetGrain<ICounterGrain>($"where-{Guid.NewGuid():N}");
        await grain.Increment("stored");
        var snapshot = await grain.Read();

        var read = new GrainState<CounterState> { State = new CounterState() };
        await fixture.GrainStorage.ReadStateAsync("counter", grain.GetGrainId(), read);

        Assert.True(read.RecordExists);
        Assert.Equal(["stored"], read.State.Notes);
        Assert.Equal(snapshot.ETag, read.ETag);
        Assert.Equal(fixture.Provider, fixture.Settings.Provider);
    }
}

public sealed class SqlitePersistentGrainTests(SqliteSiloFixture fixture) : PersistentGrainContract(fixture), IClassFixture<SqliteSiloFixture>;

public sealed class PostgreSqlPersistentGrainTests(PostgreSqlSiloFixture fixture) : PersistentGrainContract(fixture), IClassFixture<PostgreSqlSiloFixture>;
