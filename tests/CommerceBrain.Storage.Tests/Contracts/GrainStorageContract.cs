using System.Text;
using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Storage.Tests.Fixtures;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>
/// The IGrainStorage contract (Orleans TestKit GrainStorageTestRunner cases, adapted to bytes), run against every provider.
/// </summary>
public abstract class GrainStorageContract(IStorageFixture fixture)
{
    private const string StateName = "state";

    protected IGrainStorage Storage { get; } = fixture.Harness.Get<IGrainStorage>();

    protected static GrainId NewGrain(string type = "contract") => new(type, Guid.NewGuid().ToString("N"));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(GrainStateRecord? record) =>
        Encoding.UTF8.GetString(Assert.IsType<byte[]>(Assert.IsType<GrainStateRecord>(record).Payload));

    [Fact]
    public async Task A_state_written_under_a_cyrillic_key_reads_back_unchanged()
    {
        var grain = new GrainId("contract", "Привет-" + Guid.NewGuid().ToString("N"));
        var etag = await Storage.WriteAsync(grain, StateName, Bytes("данные"), null);

        var read = await Storage.ReadAsync(grain, StateName);

        Assert.Equal("данные", Text(read));
        Assert.Equal(etag, read!.ETag);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("order/2026/11/0001")]
    [InlineData("")]
    public async Task String_integer_slashed_and_empty_keys_each_hold_their_own_state(string suffix)
    {
        var grain = new GrainId("contract", Guid.NewGuid().ToString("N")[..8] + suffix);

        await Storage.WriteAsync(grain, StateName, Bytes(suffix), null);

        Assert.Equal(suffix, Text(await Storage.ReadAsync(grain, StateName)));
    }

    [Fact]
    public async Task A_first_write_without_an_etag_fails_when_the_record_exists()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(grain, StateName, Bytes("first"), null);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("second"), null));

        Assert.Equal(etag, ex.StoredEtag);
        Assert.Null(ex.CurrentEtag);
        Assert.Equal("first", Text(await Storage.ReadAsync(grain, StateName)));
    }

    [Fact]
    public async Task A_stale_etag_write_is_rejected_and_keeps_the_newer_state()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, StateName, Bytes("v1"), null);
        var second = await Storage.WriteAsync(grain, StateName, Bytes("v2"), first);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("stale"), first));

        Assert.Equal(second, ex.StoredEtag);
        Assert.Equal(first, ex.CurrentEtag);
        var read = await Storage.ReadAsync(grain, StateName);
        Assert.Equal("v2", Text(read));
        Assert.Equal(second, read!.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_fails_when_no_record_exists()
    {
        var grain = NewGrain();

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("x"), "1"));

        Assert.Null(ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        Assert.Null(await Storage.ReadAsync(grain, StateName));
    }

    [Theory]
    [InlineData("not-a-version")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("")]
    public async Task An_etag_this_store_never_issued_is_rejected(string etag)
    {
        var grain = NewGrain();
        var stored = await Storage.WriteAsync(grain, StateName, Bytes("kept"), null);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("x"), etag));

        Assert.Equal(stored, ex.StoredEtag);
        Assert.Equal("kept", Text(await Storage.ReadAsync(grain, StateName)));
    }

    [Fact]
    public async Task States_written_and_read_in_parallel_stay_separate()
    {
        var grains = Enumerable.Range(0, 40).Select(i => new GrainId("parallel", $"{Guid.NewGuid():N}-{i}")).ToArray();

        await Task.WhenAll(grains.Select(async (g, i) =>
        {
            var etag = await Storage.WriteAsync(g, StateName, Bytes($"a{i}"), null);
            Assert.Equal($"a{i}", Text(await Storage.ReadAsync(g, StateName)));
            await Storage.WriteAsync(g, StateName, Bytes($"b{i}"), etag);
        }));

        var reads = await Task.WhenAll(grains.Select(g => Storage.ReadAsync(g, StateName)));
        Assert.Equal(grains.Select((_, i) => $"b{i}"), reads.Select(Text));
    }

    [Fact]
    public async Task Reading_a_state_never_written_returns_no_record()
    {
        Assert.Null(await Storage.ReadAsync(NewGrain(), StateName));
    }

    [Fact]
    public async Task Write_clear_write_succeeds_when_each_step_presents_the_previous_etag()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, StateName, Bytes("one"), null);
        var cleared = await Storage.ClearAsync(grain, StateName, written);
        var rewritten = await Storage.WriteAsync(grain, StateName, Bytes("two"), cleared);

        var read = await Storage.ReadAsync(grain, StateName);
        Assert.Equal("two", Text(read));
        Assert.Equal(rewritten, read!.ETag);
        Assert.Equal(3, new[] { written, cleared, rewritten }.Distinct().Count());
    }

    [Fact]
    public async Task A_cleared_state_reads_as_a_record_with_no_payload_and_the_clear_etag()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, StateName, Bytes("gone soon"), null);
        var cleared = await Storage.ClearAsync(grain, StateName, written);

        var read = await Storage.ReadAsync(grain, StateName);

        Assert.NotNull(read);
        Assert.Null(read.Payload);
        Assert.Equal(cleared, read.ETag);
    }

    [Fact]
    public async Task Every_write_returns_a_new_etag()
    {
        var grain = NewGrain();
        var etags = new List<string> { await Storage.WriteAsync(grain, StateName, Bytes("0"), null) };
        for (var i = 1; i < 5; i++)
        {
            etags.Add(await Storage.WriteAsync(grain, StateName, Bytes(i.ToString()), etags[^1]));
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await Storage.ReadAsync(grain, StateName))!.ETag);
    }

    [Fact]
    public async Task Writing_the_same_bytes_again_still_changes_the_etag()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, StateName, Bytes("same"), null);
        var second = await Storage.WriteAsync(grain, StateName, Bytes("same"), first);

        Assert.NotEqual(first, second);
        Assert.Equal(second, (await Storage.ReadAsync(grain, StateName))!.ETag);
    }

    [Fact]
    public async Task Clearing_before_any_write_creates_an_empty_record_that_a_write_can_follow()
    {
        var grain = NewGrain();

        var cleared = await Storage.ClearAsync(grain, StateName, null);
        var read = await Storage.ReadAsync(grain, StateName);
        var written = await Storage.WriteAsync(grain, StateName, Bytes("after"), cleared);

        Assert.Null(read!.Payload);
        Assert.Equal(cleared, read.ETag);
        Assert.Equal("after", Text(await Storage.ReadAsync(grain, StateName)));
        Assert.NotEqual(cleared, written);
    }

    [Fact]
    public async Task Clear_returns_a_new_etag_and_the_old_one_no_longer_writes()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, StateName, Bytes("x"), null);
        var cleared = await Storage.ClearAsync(grain, StateName, written);

        Assert.NotEqual(written, cleared);
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("stale"), written));
        Assert.Equal(cleared, ex.StoredEtag);
    }

    [Fact]
    public async Task A_cleared_record_still_exists_so_a_write_without_an_etag_fails()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, StateName, Bytes("x"), null);
        var cleared = await Storage.ClearAsync(grain, StateName, written);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, StateName, Bytes("y"), null));

        Assert.Equal(cleared, ex.StoredEtag);
    }

    [Fact]
    public async Task Clearing_repeatedly_with_each_new_etag_keeps_succeeding()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(grain, StateName, Bytes("x"), null);
        var etags = new List<string> { etag };
        for (var i = 0; i < 3; i++)
        {
            etag = await Storage.ClearAsync(grain, StateName, etag);
            etags.Add(etag);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
        var read = await Storage.ReadAsync(grain, StateName);
        Assert.Null(read!.Payload);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_rejected_and_keeps_the_state()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, StateName, Bytes("v1"), null);
        var second = await Storage.WriteAsync(grain, StateName, Bytes("v2"), first);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(grain, StateName, first));

        Assert.Equal(second, ex.StoredEtag);
        Assert.Equal(first, ex.CurrentEtag);
        Assert.Equal("v2", Text(await Storage.ReadAsync(grain, StateName)));
    }

    [Fact]
    public async Task A_clear_without_an_etag_fails_when_the_record_exists()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, StateName, Bytes("kept"), null);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(grain, StateName, null));

        Assert.Equal(written, ex.StoredEtag);
        Assert.Equal("kept", Text(await Storage.ReadAsync(grain, StateName)));
    }

    [Fact]
    public async Task State_names_and_grain_types_use_independent_records()
    {
        var grain = NewGrain();
        var sameKeyOtherType = new GrainId("othertype", grain.Key);
        var a = await Storage.WriteAsync(grain, "profile", Bytes("profile"), null);
        await Storage.WriteAsync(grain, "cart", Bytes("cart"), null);
        await Storage.WriteAsync(sameKeyOtherType, "profile", Bytes("other"), null);

        await Storage.ClearAsync(grain, "profile", a);

        Assert.Null((await Storage.ReadAsync(grain, "profile"))!.Payload);
        Assert.Equal("cart", Text(await Storage.ReadAsync(grain, "cart")));
        Assert.Equal("other", Text(await Storage.ReadAsync(sameKeyOtherType, "profile")));
    }

    [Fact]
    public async Task Write_read_clear_read_cycles_keep_every_step_consistent()
    {
        var grain = NewGrain();
        string? etag = null;
        for (var i = 0; i < 4; i++)
        {
            etag = await Storage.WriteAsync(grain, StateName, Bytes($"round {i}"), etag);
            var read = await Storage.ReadAsync(grain, StateName);
            Assert.Equal($"round {i}", Text(read));
            Assert.Equal(etag, read!.ETag);

            etag = await Storage.ClearAsync(grain, StateName, etag);
            read = await Storage.ReadAsync(grain, StateName);
            Assert.Null(read!.Payload);
            Assert.Equal(etag, read.ETag);
        }
    }

    [Fact]
    public async Task An_empty_payload_is_stored_as_empty_not_as_cleared()
    {
        var grain = NewGrain();
        await Storage.WriteAsync(grain, StateName, ReadOnlyMemory<byte>.Empty, null);

        var read = await Storage.ReadAsync(grain, StateName);

        Assert.NotNull(read!.Payload);
        Assert.Empty(read.Payload);
    }

    [Fact]
    public async Task A_large_binary_payload_round_trips_byte_for_byte()
    {
        var grain = NewGrain();
        var payload = new byte[1 << 20];
        new Random(7).NextBytes(payload);

        await Storage.WriteAsync(grain, StateName, payload.AsMemory(100, payload.Length - 200), null);

        Assert.Equal(payload[100..^100], (await Storage.ReadAsync(grain, StateName))!.Payload);
    }

    [Fact]
    public async Task Concurrent_writers_racing_on_one_etag_have_exactly_one_winner()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(grain, StateName, Bytes("start"), null);
        using var go = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            go.Wait();
            try
            {
                return (Winner: i, ETag: await Storage.WriteAsync(grain, StateName, Bytes($"racer {i}"), etag));
            }
            catch (InconsistentStateException)
            {
                return (Winner: -1, ETag: (string?)null);
            }
        })).ToArray();
        go.Set();
        var results = await Task.WhenAll(racers);

        var winner = Assert.Single(results, r => r.Winner >= 0);
        var read = await Storage.ReadAsync(grain, StateName);
        Assert.Equal($"racer {winner.Winner}", Text(read));
        Assert.Equal(winner.ETag, read!.ETag);
    }

    [Fact]
    public async Task Concurrent_first_writes_without_an_etag_have_exactly_one_winner()
    {
        var grain = NewGrain();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            try
            {
                await Storage.WriteAsync(grain, StateName, Bytes($"first {i}"), null);
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(attempts, a => a >= 0);
        Assert.Equal($"first {winner}", Text(await Storage.ReadAsync(grain, StateName)));
    }
}

public sealed class SqliteGrainStorageTests(SqliteStorageFixture fixture) : GrainStorageContract(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlGrainStorageTests(PostgreSqlStorageFixture fixture) : GrainStorageContract(fixture), IClassFixture<PostgreSqlStorageFixture>;
