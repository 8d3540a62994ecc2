namespace CommerceBrain.Silo.Operations;

/// <summary>
/// What happened during one second (Unix seconds) on one silo, or on the whole cluster once merged: counts from the
/// modules' counters and histograms from their latency instruments. <c>SessionsClosedByBot</c> counts closed sessions no
/// person ever took part in (the automation rate's numerator); <c>ClaimsDenied</c> is by reason; <c>ClaimsBusy</c> counts
/// 429s; <c>Http</c> holds request durations (ms) by route group (<see cref="RouteGroups"/>); <c>WaitTime</c> is seconds
/// from queueing to an agent attaching; <c>TurnDuration</c> is milliseconds from a customer message to its durable reply.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.metrics-second")]
public sealed record MetricsSecond(
    [property: Id(0)] long Second,
    [property: Id(1)] int SessionsOpened,
    [property: Id(2)] int SessionsClosed,
    [property: Id(3)] int SessionsClosedByBot,
    [property: Id(4)] int Handoffs,
    [property: Id(5)] int Enqueued,
    [property: Id(6)] int Assigned,
    [property: Id(7)] int SlaBreaches,
    [property: Id(8)] int ClaimsGranted,
    [property: Id(9)] IReadOnlyDictionary<string, int> ClaimsDenied,
    [property: Id(10)] int ClaimsBusy,
    [property: Id(11)] IReadOnlyDictionary<string, LatencyHistogram> Http,
    [property: Id(12)] LatencyHistogram? WaitTime,
    [property: Id(13)] LatencyHistogram? TurnDuration)
{
    /// <summary>A second in which nothing was measured.</summary>
    public static MetricsSecond Empty(long second) =>
        new(second, 0, 0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>(), 0, new Dictionary<string, LatencyHistogram>(), null, null);

    /// <summary>The sum of two silos' (or two seconds') measurements, stamped with this one's second.</summary>
    public MetricsSecond Merge(MetricsSecond other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var denied = new Dictionary<string, int>(ClaimsDenied, StringComparer.Ordinal);
        foreach (var (reason, count) in other.ClaimsDenied)
        {
            denied[reason] = denied.GetValueOrDefault(reason) + count;
        }

        var http = new Dictionary<string, LatencyHistogram>(Http, StringComparer.Ordinal);
        foreach (var (group, histogram) in other.Http)
        {
            http[group] = LatencyHistogram.Merge(http.GetValueOrDefault(group), histogram)!;
        }

        return new MetricsSecond(
            Second,
            SessionsOpened + other.SessionsOpened,
            SessionsClosed + other.SessionsClosed,
            SessionsClosedByBot + other.SessionsClosedByBot,
            Handoffs + other.Handoffs,
            Enqueued + other.Enqueued,
            Assigned + other.Assigned,
            SlaBreaches + other.SlaBreaches,
            ClaimsGranted + other.ClaimsGranted,
            denied,
            ClaimsBusy + other.ClaimsBusy,
            http,
            LatencyHistogram.Merge(WaitTime, other.WaitTime),
            LatencyHistogram.Merge(TurnDuration, other.TurnDuration));
    }
}
