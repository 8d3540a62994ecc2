using CommerceBrain.Storage.Tests.Fixtures;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>
/// The Orleans <see cref="IGrainStorage"/> contract (the cases of Orleans' TestKit GrainStorageTestRunner, plus races
/// and large states), against the silo's "Default" storage: ours on SQLite, Orleans' ADO.NET provider on PostgreSQL.
/// </summary>
public abstract class GrainStorageContract(SiloFixture fixture)
{
    private const string StateName = "state";

    private IGrainStorage Storage { get; } = fixture.GrainStorage;

    private static GrainId NewGrain(string type = "contract") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private static GrainState<TestState> Fresh(TestState? state = null) => new() { State = state ?? new TestState() };

    private async Task<GrainState<TestState>> ReadAsync(GrainId grain, string stateName = StateName)
    {
        var read = Fresh(new TestState { Text = "not read" });
        await Storage.ReadStateAsync(stateName, grain, read);
        return read;
    }

    private async Task<GrainState<TestState>> WrittenAsync(GrainId grain, string text, string stateName = StateName)
    {
        var state = Fresh(new TestState { Text = text });
        await Storage.WriteStateAsync(stateName, grain, state);
        return state;
    }

    [Fact]
    public async Task Reading_a_state_never_written_gives_a_fresh_state_no_etag_and_no_record()
    {
        var state = Fresh(new TestState { Text = "stale", Number = 1 });
        state.RecordExists = true;

        await Storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new TestState(), state.State);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag_including_cyrillic_text()
    {
        var grain = GrainId.Create("contract", "Привет-" + Guid.NewGuid().ToString("N"));
        var written = Fresh(new TestState { Text = "Привет, мир", Number = 42, Big = long.MaxValue });

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Theory]
    [InlineData("integer")]
    [InlineData("guid")]
    [InlineData("string")]
    [InlineData("compound")]
    public async Task Every_key_kind_holds_its_own_state(string kind)
    {
        var grain = kind switch
        {
            "integer" => GrainId.Create(GrainType.Create("contract-int"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            "guid" => GrainId.Create(GrainType.Create("contract-guid"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            "compound" => GrainId.Create(GrainType.Create("contract-ext"), GrainIdKeyExtensions.CreateIntegerKey(7, Guid.NewGuid().ToString("N"))),
            _ => GrainId.Create("contract-string", $"order/2026/{Guid.NewGuid():N}"),
        };

        await WrittenAsync(grain, kind);

        Assert.Equal(kind, (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task A_stale_etag_write_is_rejected_and_keeps_the_newer_state()
    {
        var grain = NewGrain();
        var current = await WrittenAsync(grain, "v1");
        var stale = current.ETag;
        current.State = new TestState { Text = "v2" };
        await Storage.WriteStateAsync(StateName, grain, current);

        var attempt = new GrainState<TestState> { State = new TestState { Text = "stale" }, ETag = stale, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, attempt));

        var read = await ReadAsync(grain);
        Assert.Equal("v2", read.State!.Text);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task A_second_first_write_without_an_etag_fails_and_changes_nothing()
    {
        var grain = NewGrain();
        var first = await WrittenAsync(grain, "first");

        var duplicate = Fresh(new TestState { Text = "duplicate" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, duplicate));

        var read = await ReadAsync(grain);
        Assert.Equal("first", read.State!.Text);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_fails_when_no_record_exists()
    {
        var grain = NewGrain();
        var attempt = new GrainState<TestState> { State = new TestState { Text = "x" }, ETag = "1", RecordExists = true };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, attempt));

        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task An_etag_the_store_never_issued_is_rejected()
    {
        var grain = NewGrain();
        var stored = await WrittenAsync(grain, "kept");

        var attempt = new GrainState<TestState> { State = new TestState { Text = "x" }, ETag = "987654", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, attempt));

        var read = await ReadAsync(grain);
        Assert.Equal("kept", read.State!.Text);
        Assert.Equal(stored.ETag, read.ETag);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_even_with_the_same_values()
    {
        var grain = NewGrain();
        var state = await WrittenAsync(grain, "same");
        var etags = new List<string?> { state.ETag };
        for (var i = 0; i < 3; i++)
        {
            await Storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
        Assert.Equal(state.ETag, (await ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task Clearing_changes_the_etag_resets_the_state_object_and_reads_as_no_record()
    {
        var grain = NewGrain();
        var state = await WrittenAsync(grain, "gone soon");
        var written = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.NotEqual(written, state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        Assert.Null(state.State!.Text);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.NotNull(read.State);
        Assert.Null(read.State!.Text);
    }

    [Fact]
    public async Task A_state_can_be_written_again_after_a_clear_with_the_clear_etag()
    {
        var grain = NewGrain();
        var state = await WrittenAsync(grain, "first");
        await Storage.ClearStateAsync(StateName, grain, state);
        var cleared = state.ETag;

        state.State = new TestState { Text = "second", Number = 2 };
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.NotEqual(cleared, state.ETag);
        Assert.True(state.RecordExists);
        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(new TestState { Text = "second", Number = 2 }, read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_the_etag_from_before_a_clear_is_rejected()
    {
        var grain = NewGrain();
        var state = await WrittenAsync(grain, "x");
        var beforeClear = state.ETag;
        await Storage.ClearStateAsync(StateName, grain, state);

        var attempt = new GrainState<TestState> { State = new TestState { Text = "stale" }, ETag = beforeClear, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, attempt));

        Assert.False((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Clearing_before_any_write_succeeds_and_resets_the_state()
    {
        var grain = NewGrain();
        var state = Fresh(new TestState { Text = "stale", Number = 1 });
        state.RecordExists = true;

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
        state.State = new TestState { Text = "after" };
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("after", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task Clearing_a_state_never_read_or_written_is_a_no_op()
    {
        var grain = NewGrain();
        var state = Fresh();

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.True((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Clearing_repeatedly_keeps_succeeding()
    {
        var grain = NewGrain();
        var state = await WrittenAsync(grain, "x");
        var etags = new List<string?> { state.ETag };
        for (var i = 0; i < 3; i++)
        {
            await Storage.ClearStateAsync(StateName, grain, state);
            Assert.False(state.RecordExists);
            Assert.NotNull(state.State);
            etags.Add(state.ETag);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_rejected_and_keeps_the_state()
    {
        var grain = NewGrain();
        var current = await WrittenAsync(grain, "v1");
        var stale = current.ETag;
        current.State = new TestState { Text = "v2" };
        await Storage.WriteStateAsync(StateName, grain, current);

        var attempt = new GrainState<TestState> { State = new TestState(), ETag = stale, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, attempt));

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal("v2", read.State!.Text);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task A_clear_without_an_etag_fails_when_a_live_record_exists()
    {
        var grain = NewGrain();
        var stored = await WrittenAsync(grain, "kept");

        var attempt = new GrainState<TestState> { State = new TestState(), RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, attempt));

        var read = await ReadAsync(grain);
        Assert.Equal("kept", read.State!.Text);
        Assert.Equal(stored.ETag, read.ETag);
    }

    [Fact]
    public async Task State_names_use_independent_records()
    {
        var grain = NewGrain();
        var profile = await WrittenAsync(grain, "profile", "profile");
        await WrittenAsync(grain, "cart", "cart");

        await Storage.ClearStateAsync("profile", grain, profile);

        Assert.False((await ReadAsync(grain, "profile")).RecordExists);
        Assert.Equal("cart", (await ReadAsync(grain, "cart")).State!.Text);
    }

    [Fact]
    public async Task Write_read_clear_read_cycles_keep_every_step_consistent()
    {
        var grain = NewGrain();
        var state = Fresh();
        for (var i = 0; i < 4; i++)
        {
            state.State = new TestState { Text = $"round {i}", Number = i };
            await Storage.WriteStateAsync(StateName, grain, state);
            var read = await ReadAsync(grain);
            Assert.Equal(state.State, read.State);
            Assert.Equal(state.ETag, read.ETag);

            await Storage.ClearStateAsync(StateName, grain, state);
            read = await ReadAsync(grain);
            Assert.False(read.RecordExists);
            Assert.Equal(state.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_state_of_several_megabytes_round_trips_unchanged()
    {
        var grain = NewGrain();
        var random = new Random(7);
        var text = string.Create(6 << 20, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        var state = Fresh(new TestState { Text = text, Number = 6 });

        await Storage.WriteStateAsync(StateName, grain, state);
        state.State = state.State! with { Number = 7 };
        await Storage.WriteStateAsync(StateName, grain, state);

        var read = await ReadAsync(grain);
        Assert.Equal(7, read.State!.Number);
        Assert.Equal(text, read.State!.Text);
    }

    [Fact]
    public async Task States_written_and_read_in_parallel_stay_separate()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain("parallel")).ToArray();

        await Parallel.ForEachAsync(grains.Select((g, i) => (g, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var state = await WrittenAsync(item.g, $"a{item.i}");
            for (var k = 0; k < 5; k++)
            {
                var before = state.ETag;
                state.State = new TestState { Text = $"b{item.i}", Number = k };
                await Storage.WriteStateAsync(StateName, item.g, state);
                Assert.NotEqual(before, state.ETag);
            }
        });

        var reads = await Task.WhenAll(grains.Select(g => ReadAsync(g)));
        Assert.Equal(grains.Select((_, i) => $"b{i}"), reads.Select(r => r.State!.Text));
        Assert.All(reads, r => Assert.Equal(4, r.State!.Number));
    }

    [Fact]
    public async Task Concurrent_writers_racing_with_one_etag_have_exactly_one_winner()
    {
        var grain = NewGrain();
        var start = await WrittenAsync(grain, "start");
        var etag = start.ETag;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var attempt = new GrainState<TestState> { State = new TestState { Text = $"racer {i}" }, ETag = etag, RecordExists = true };
            try
            {
                await Storage.WriteStateAsync(StateName, grain, attempt);
                return (Racer: i, attempt.ETag);
            }
            catch (InconsistentStateException)
            {
                return (Racer: -1, ETag: (string?)null);
            }
        })).ToArray();
        go.SetResult();
        var results = await Task.WhenAll(racers).WaitAsync(TimeSpan.FromMinutes(1));

        var winner = Assert.Single(results, r => r.Racer >= 0);
        var read = await ReadAsync(grain);
        Assert.Equal($"racer {winner.Racer}", read.State!.Text);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Concurrent_first_writes_without_an_etag_have_exactly_one_winner()
    {
        var grain = NewGrain();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                await WrittenAsync(grain, $"first {i}");
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        })).ToArray();
        go.SetResult();
        var attempts = await Task.WhenAll(racers).WaitAsync(TimeSpan.FromMinutes(1));

        var winner = Assert.Single(attempts, a => a >= 0);
        Assert.Equal($"first {winner}", (await ReadAsync(grain)).State!.Text);
    }
}

public sealed class SqliteGrainStorageTests(SqliteSiloFixture fixture) : GrainStorageContract(fixture), IClassFixture<SqliteSiloFixture>;

public sealed class PostgreSqlGrainStorageTests(PostgreSqlSiloFixture fixture) : GrainStorageContract(fixture), IClassFixture<PostgreSqlSiloFixture>;
