using CommerceBrain.Silo.Operations;
using CommerceBrain.Silo.Operations.Api;

namespace CommerceBrain.IntegrationTests.Operations;

/// <summary>The metrics grain's memory: merging silos, acknowledging pushes, ageing out, and the series built from it.</summary>
public sealed class ClusterMetricsBookTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly long T = Now.ToUnixTimeSeconds();

    private static MetricsSecond Opened(long second, int count, int closed = 0, int byBot = 0) =>
        MetricsSecond.Empty(second) with { SessionsOpened = count, SessionsClosed = closed, SessionsClosedByBot = byBot };

    [Fact]
    public void Seconds_of_two_silos_add_up_to_the_clusters()
    {
        var book = new ClusterMetricsBook(new OperationsOptions());
        book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 2, 3), Opened(T - 1, 1)], Complete: true), Now);
        book.Push(new SiloMetricsReport("S2", "silo-2", [Opened(T - 1, 5)], Complete: true), Now);

        var snapshot = book.Read(T - 10, Now);

        Assert.Equal([3, 6], snapshot.Seconds.Select(s => s.SessionsOpened));
        Assert.Equal(["S1", "S2"], snapshot.Silos.Select(s => s.Address).Order());
        Assert.All(snapshot.Silos, s => Assert.True(s.Reporting));
    }

    [Fact]
    public void A_pushed_second_again_replaces_rather_than_adds()
    {
        var book = new ClusterMetricsBook(new OperationsOptions());
        book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 1, 3)], Complete: true), Now);
        var acknowledged = book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 1, 3)], Complete: true), Now);

        Assert.Equal(T - 1, acknowledged);
        Assert.Equal(3, Assert.Single(book.Read(T - 10, Now).Seconds).SessionsOpened);
    }

    [Fact]
    public void A_new_book_asks_a_silo_for_its_whole_ring_when_the_report_is_partial()
    {
        var book = new ClusterMetricsBook(new OperationsOptions());

        Assert.Equal(0, book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 1, 1)], Complete: false), Now));
        Assert.Equal(T - 1, book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 5, 2), Opened(T - 1, 1)], Complete: true), Now));
        Assert.Equal([2, 1], book.Read(T - 10, Now).Seconds.Select(s => s.SessionsOpened));
    }

    [Fact]
    public void A_silo_that_stops_pushing_is_shown_silent_then_ages_out_with_its_history()
    {
        var options = new OperationsOptions();
        var book = new ClusterMetricsBook(options);
        book.Push(new SiloMetricsReport("S1", "silo-1", [Opened(T - 1, 1)], Complete: true), Now);

        var later = Now + options.SiloStaleAfter + TimeSpan.FromSeconds(1);
        var silent = Assert.Single(book.Read(T - 10, later).Silos);
        Assert.False(silent.Reporting);
        Assert.Equal(1, Assert.Single(book.Read(T - 10, later).Seconds).SessionsOpened);

        var muchLater = Now + TimeSpan.FromSeconds(OperationsOptions.RetentionSeconds + 1);
        var aged = book.Read(T - 10, muchLater);
        Assert.Empty(aged.Seconds);
        Assert.Empty(aged.Silos);
    }

    [Fact]
    public void Series_are_dense_per_second_with_the_automation_rate_over_the_trailing_minute()
    {
        var snapshot = new OperationsSnapshot(T, [Opened(T - 30, 2, closed: 4, byBot: 3), Opened(T - 2, 1, closed: 4, byBot: 1)],
            [new QueueSample(T - 3, 7, 2)], [], []);

        var (seconds, series, totals) = OperationsSeriesBuilder.Build(snapshot, T - 40, T - 1);

        Assert.Equal(40, seconds.Count);
        Assert.Equal(3, series.SessionsOpened.Sum());
        Assert.Equal(2, series.SessionsOpened[10]);
        Assert.Null(series.AutomationRate[0]);
        Assert.Equal(0.75, series.AutomationRate[10]);
        Assert.Equal(0.5, series.AutomationRate[^1]);
        Assert.Null(series.QueueLength[^4]);
        Assert.Equal(7, series.QueueLength[^3]);
        Assert.Equal(7, series.QueueLength[^1]);
        Assert.Equal(0.5, totals.AutomationRate);
        Assert.Equal(7, totals.QueueLength);
    }

    [Fact]
    public void Series_end_at_the_last_second_every_reporting_silo_has_pushed()
    {
        SiloActivity Silo(string name, long? lastReport, bool reporting) => new(name, name, "Active", 1, lastReport, reporting);

        // Pushes at 100 and 98 carry seconds up to 99 and 97; the silent silo does not hold the series back.
        Assert.Equal(97, OperationsSeriesBuilder.CompleteThrough([Silo("a", 100, true), Silo("b", 98, true), Silo("c", 50, false)], 99));
        Assert.Equal(99, OperationsSeriesBuilder.CompleteThrough([Silo("a", 105, true)], 99));
        Assert.Equal(99, OperationsSeriesBuilder.CompleteThrough([], 99));
    }
}
