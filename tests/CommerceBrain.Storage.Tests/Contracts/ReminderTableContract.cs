using CommerceBrain.Storage.Tests.Fixtures;
using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>
/// The Orleans <see cref="IReminderTable"/> contract against the silo's reminder table: ours on SQLite, Orleans'
/// ADO.NET table on PostgreSQL. Each test uses grains of its own, so tests can share one table.
/// </summary>
public abstract class ReminderTableContract(SiloFixture fixture)
{
    private static readonly DateTime Start = new(2026, 11, 11, 0, 0, 0, 123, DateTimeKind.Utc);

    private IReminderTable Reminders { get; } = fixture.Reminders;

    private static GrainId NewGrain() => GrainId.Create("reminded", $"shop/{Guid.NewGuid():N}");

    private static ReminderEntry Entry(GrainId grain, string name, DateTime? start = null, TimeSpan? period = null) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start ?? Start, Period = period ?? TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_schedule_and_etag()
    {
        var grain = NewGrain();
        var etag = await Reminders.UpsertRow(Entry(grain, "daily-report", period: TimeSpan.FromHours(24)));

        var entry = Assert.Single((await Reminders.ReadRows(grain)).Reminders);
        var row = await Reminders.ReadRow(grain, "daily-report");

        Assert.NotNull(etag);
        Assert.Equal(grain, entry.GrainId);
        Assert.Equal("daily-report", entry.ReminderName);
        Assert.Equal(Start, entry.StartAt);
        Assert.Equal(DateTimeKind.Utc, entry.StartAt.Kind);
        Assert.Equal(TimeSpan.FromHours(24), entry.Period);
        Assert.Equal(etag, entry.ETag);
        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task A_period_longer_than_int_milliseconds_round_trips()
    {
        var grain = NewGrain();
        await Reminders.UpsertRow(Entry(grain, "quarterly", period: TimeSpan.FromDays(90)));

        Assert.Equal(TimeSpan.FromDays(90), (await Reminders.ReadRow(grain, "quarterly"))!.Period);
    }

    [Fact]
    public async Task Upserting_again_replaces_the_schedule_and_returns_a_new_etag()
    {
        var grain = NewGrain();
        var first = await Reminders.UpsertRow(Entry(grain, "retry"));

        var second = await Reminders.UpsertRow(Entry(grain, "retry", Start.AddHours(1), TimeSpan.FromMinutes(5)));

        Assert.NotEqual(first, second);
        var entry = Assert.Single((await Reminders.ReadRows(grain)).Reminders);
        Assert.Equal(Start.AddHours(1), entry.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), entry.Period);
        Assert.Equal(second, entry.ETag);
    }

    [Fact]
    public async Task Removing_with_the_current_etag_deletes_only_that_reminder()
    {
        var grain = NewGrain();
        var a = await Reminders.UpsertRow(Entry(grain, "a"));
        await Reminders.UpsertRow(Entry(grain, "b"));

        Assert.True(await Reminders.RemoveRow(grain, "a", a!));
        Assert.False(await Reminders.RemoveRow(grain, "a", a!));

        Assert.Null(await Reminders.ReadRow(grain, "a"));
        Assert.Equal(["b"], (await Reminders.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_returns_false_and_keeps_the_reminder()
    {
        var grain = NewGrain();
        var stale = await Reminders.UpsertRow(Entry(grain, "sla"));
        var current = await Reminders.UpsertRow(Entry(grain, "sla", period: TimeSpan.FromMinutes(10)));

        Assert.False(await Reminders.RemoveRow(grain, "sla", stale!));

        var kept = await Reminders.ReadRow(grain, "sla");
        Assert.NotNull(kept);
        Assert.Equal(current, kept.ETag);
        Assert.True(await Reminders.RemoveRow(grain, "sla", current!));
    }

    [Fact]
    public async Task Reading_a_missing_reminder_gives_null_and_an_unknown_grain_gives_no_rows()
    {
        Assert.Null(await Reminders.ReadRow(NewGrain(), "nothing"));
        Assert.Empty((await Reminders.ReadRows(NewGrain())).Reminders);
    }

    [Fact]
    public async Task Range_reads_return_the_reminders_whose_grain_hash_is_in_the_range_including_wrap_around()
    {
        // Enough grains that every quarter of the ring holds some; only this test's reminder name is looked at.
        var name = $"ring-{Guid.NewGuid():N}";
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        foreach (var grain in grains)
        {
            await Reminders.UpsertRow(Entry(grain, name));
        }

        var hashes = grains.ToDictionary(g => g, g => g.GetUniformHashCode());
        var sorted = hashes.Values.Order().ToArray();
        uint quarter = uint.MaxValue / 4;
        var ranges = new (uint Begin, uint End)[]
        {
            (quarter, 3 * quarter),                 // plain (begin, end]
            (3 * quarter, quarter),                 // wraps around zero
            (0x7FFF_FFF0, 0x8000_0010 + quarter),   // crosses the signed/unsigned boundary
            (sorted[10], sorted[20]),               // exact bounds: begin excluded, end included
            (sorted[50], sorted[5]),                // exact bounds, wrapping
            (sorted[7], sorted[7]),                 // begin == end: the whole ring
        };

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(hashes[g], begin, end)).Select(g => g.ToString()).Order().ToArray();
            var actual = (await Reminders.ReadRows(begin, end)).Reminders
                .Where(r => r.ReminderName == name)
                .Select(r => r.GrainId.ToString())
                .Order()
                .ToArray();
            Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]: expected {expected.Length} grains, got {actual.Length}");
        }

        Assert.Equal(64, (await Reminders.ReadRows(sorted[7], sorted[7])).Reminders.Count(r => r.ReminderName == name));
    }

    // Orleans' IReminderTable.ReadRows(begin, end): (begin, end] when begin < end, otherwise the wrap-around.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}

public sealed class SqliteReminderTableTests(SqliteSiloFixture fixture) : ReminderTableContract(fixture), IClassFixture<SqliteSiloFixture>;

public sealed class PostgreSqlReminderTableTests(PostgreSqlSiloFixture fixture) : ReminderTableContract(fixture), IClassFixture<PostgreSqlSiloFixture>;
