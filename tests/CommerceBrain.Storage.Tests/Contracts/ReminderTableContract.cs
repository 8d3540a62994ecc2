using CommerceBrain.Actors;
using CommerceBrain.Actors.Reminders;
using CommerceBrain.Storage.Tests.Fixtures;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>The IReminderTable contract, run against every provider.</summary>
public abstract class ReminderTableContract(IStorageFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, 123, TimeSpan.Zero);

    protected IReminderTable Reminders { get; } = fixture.Harness.Get<IReminderTable>();

    private static GrainId NewGrain() => new("reminded", $"shop/{Guid.NewGuid():N}");

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_schedule_and_etag()
    {
        var grain = NewGrain();
        var etag = await Reminders.UpsertAsync(new ReminderEntry(grain, "daily-report", Start, TimeSpan.FromHours(24)));

        var entry = Assert.Single(await Reminders.ReadAsync(grain));

        Assert.Equal(grain, entry.GrainId);
        Assert.Equal("daily-report", entry.Name);
        Assert.Equal(Start, entry.StartAt);
        Assert.Equal(TimeSpan.Zero, entry.StartAt.Offset);
        Assert.Equal(TimeSpan.FromHours(24), entry.Period);
        Assert.Equal(etag, entry.ETag);
    }

    [Fact]
    public async Task Upserting_again_replaces_the_schedule_and_changes_the_etag()
    {
        var grain = NewGrain();
        var first = await Reminders.UpsertAsync(new ReminderEntry(grain, "retry", Start, TimeSpan.FromMinutes(1)));

        var second = await Reminders.UpsertAsync(new ReminderEntry(grain, "retry", Start.AddHours(1), TimeSpan.FromMinutes(5)));

        Assert.NotEqual(first, second);
        var entry = Assert.Single(await Reminders.ReadAsync(grain));
        Assert.Equal(Start.AddHours(1), entry.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), entry.Period);
        Assert.Equal(second, entry.ETag);
    }

    [Fact]
    public async Task Removing_a_reminder_deletes_only_it_and_reports_whether_it_existed()
    {
        var grain = NewGrain();
        await Reminders.UpsertAsync(new ReminderEntry(grain, "a", Start, TimeSpan.FromMinutes(1)));
        await Reminders.UpsertAsync(new ReminderEntry(grain, "b", Start, TimeSpan.FromMinutes(2)));

        Assert.True(await Reminders.RemoveAsync(grain, "a"));
        Assert.False(await Reminders.RemoveAsync(grain, "a"));
        Assert.False(await Reminders.RemoveAsync(NewGrain(), "b"));

        Assert.Equal(["b"], (await Reminders.ReadAsync(grain)).Select(r => r.Name));
    }

    [Fact]
    public async Task Reading_all_returns_every_grains_reminders_and_one_grain_read_returns_only_its_own()
    {
        var one = NewGrain();
        var two = NewGrain();
        await Reminders.UpsertAsync(new ReminderEntry(one, "x", Start, TimeSpan.FromMinutes(1)));
        await Reminders.UpsertAsync(new ReminderEntry(two, "x", Start, TimeSpan.FromMinutes(1)));
        await Reminders.UpsertAsync(new ReminderEntry(two, "y", Start, TimeSpan.FromMinutes(1)));

        var all = await Reminders.ReadAllAsync();

        Assert.Contains(all, r => r.GrainId == one && r.Name == "x");
        Assert.Equal(2, all.Count(r => r.GrainId == two));
        Assert.Single(await Reminders.ReadAsync(one));
        Assert.Empty(await Reminders.ReadAsync(NewGrain()));
    }

    [Fact]
    public async Task A_reminder_with_a_negative_period_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Reminders.UpsertAsync(new ReminderEntry(NewGrain(), "bad", Start, TimeSpan.FromSeconds(-1))));
    }
}

public sealed class SqliteReminderTableTests(SqliteStorageFixture fixture) : ReminderTableContract(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlReminderTableTests(PostgreSqlStorageFixture fixture) : ReminderTableContract(fixture), IClassFixture<PostgreSqlStorageFixture>;
