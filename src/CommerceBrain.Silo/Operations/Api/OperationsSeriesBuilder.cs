namespace CommerceBrain.Silo.Operations.Api;

/// <summary>Turns a <see cref="OperationsSnapshot"/> into dense per-second series with trailing-window rates and percentiles.</summary>
public static class OperationsSeriesBuilder
{
    /// <summary>Window of the automation rate and the wait percentiles: rare events need a minute to say anything.</summary>
    public const int SlowWindowSeconds = 60;

    /// <summary>Window of the latency percentiles.</summary>
    public const int FastWindowSeconds = 10;

    // A gauge sample older than this is not carried forward (the grain samples every 2 s).
    private const int GaugeHoldSeconds = 10;

    /// <summary>
    /// The last second every reporting silo has pushed (a push carries the seconds finished before it), at most
    /// <paramref name="to"/>: later seconds would show as zeros at the right edge of every chart until the next pushes.
    /// </summary>
    public static long CompleteThrough(IReadOnlyList<SiloActivity> silos, long to)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var complete = to;
        foreach (var silo in silos)
        {
            if (silo is { Reporting: true, LastReportSecond: { } last })
            {
                complete = Math.Min(complete, last - 1);
            }
        }

        return complete;
    }

    /// <summary>
    /// Series from <paramref name="from"/> to <paramref name="to"/>; the snapshot should start
    /// <see cref="SlowWindowSeconds"/> earlier so the first points' windows are full.
    /// </summary>
    public static (IReadOnlyList<long> Seconds, OperationsSeries Series, OperationsTotals Totals) Build(OperationsSnapshot snapshot, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var count = (int)Math.Max(0, to - from + 1);
        var start = from - SlowWindowSeconds;
        var dense = new MetricsSecond?[count + SlowWindowSeconds];
        foreach (var s in snapshot.Seconds)
        {
            if (s.Second >= start && s.Second <= to)
            {
                dense[s.Second - start] = s;
            }
        }

        MetricsSecond? At(int i) => dense[i + SlowWindowSeconds];
        IEnumerable<MetricsSecond> Window(int i, int width) =>
            Enumerable.Range(i + SlowWindowSeconds - width + 1, width).Select(j => dense[j]).OfType<MetricsSecond>();

        var seconds = Enumerable.Range(0, count).Select(i => from + i).ToList();
        var opened = Ints(count, i => At(i)?.SessionsOpened ?? 0);
        var closed = Ints(count, i => At(i)?.SessionsClosed ?? 0);
        var handoffs = Ints(count, i => At(i)?.Handoffs ?? 0);
        var automation = Enumerable.Range(0, count).Select(i => Rate(Window(i, SlowWindowSeconds).ToList())).ToList();
        var waitP50 = new List<double?>(count);
        var waitP99 = new List<double?>(count);
        var turnP99 = new List<double?>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = Window(i, SlowWindowSeconds).Aggregate((LatencyHistogram?)null, (h, s) => LatencyHistogram.Merge(h, s.WaitTime));
            waitP50.Add(wait?.Percentile(LatencyScale.Seconds, 0.50));
            waitP99.Add(wait?.Percentile(LatencyScale.Seconds, 0.99));
            var turn = Window(i, FastWindowSeconds).Aggregate((LatencyHistogram?)null, (h, s) => LatencyHistogram.Merge(h, s.TurnDuration));
            turnP99.Add(turn?.Percentile(LatencyScale.Milliseconds, 0.99));
        }

        var inSpan = Enumerable.Range(0, count).Select(At).OfType<MetricsSecond>().ToList();
        var reasons = inSpan.SelectMany(s => s.ClaimsDenied.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var denied = reasons.ToDictionary(r => r, r => Ints(count, i => At(i)?.ClaimsDenied.GetValueOrDefault(r) ?? 0), StringComparer.Ordinal);
        var groups = inSpan.SelectMany(s => s.Http.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var http = groups.ToDictionary(g => g, g => Enumerable.Range(0, count).Select(i => Window(i, FastWindowSeconds)
            .Aggregate((LatencyHistogram?)null, (h, s) => LatencyHistogram.Merge(h, s.Http.GetValueOrDefault(g)))
            ?.Percentile(LatencyScale.Milliseconds, 0.99)).ToArray(), StringComparer.Ordinal);

        var queue = seconds.Select(t => Latest(snapshot.Queue, q => q.Second, t)?.Waiting).ToList();
        var silos = snapshot.Activations.SelectMany(a => a.BySilo.Keys).Concat(snapshot.Silos.Select(s => s.Address))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var activations = silos.ToDictionary(s => s, s => seconds.Select(t =>
            Latest(snapshot.Activations, a => a.Second, t) is { } sample && sample.BySilo.TryGetValue(s, out var n) ? n : (int?)null).ToArray(),
            StringComparer.Ordinal);

        var allWait = inSpan.Aggregate((LatencyHistogram?)null, (h, s) => LatencyHistogram.Merge(h, s.WaitTime));
        var totals = new OperationsTotals(
            inSpan.Sum(s => (long)s.SessionsOpened),
            inSpan.Sum(s => (long)s.SessionsClosed),
            Rate(inSpan),
            inSpan.Sum(s => (long)s.Handoffs),
            inSpan.Sum(s => (long)s.SlaBreaches),
            inSpan.Sum(s => (long)s.ClaimsGranted),
            inSpan.Sum(s => (long)s.ClaimsDenied.Values.Sum()),
            inSpan.Sum(s => (long)s.ClaimsBusy),
            allWait?.Percentile(LatencyScale.Seconds, 0.50),
            allWait?.Percentile(LatencyScale.Seconds, 0.99),
            snapshot.Queue.Count > 0 ? snapshot.Queue[^1].Waiting : null);
        var series = new OperationsSeries(opened, closed, handoffs, automation, queue, waitP50, waitP99,
            Ints(count, i => At(i)?.ClaimsGranted ?? 0), Ints(count, i => At(i)?.ClaimsBusy ?? 0), denied, http, turnP99, activations);
        return (seconds, series, totals);
    }

    private static int[] Ints(int count, Func<int, int> value) => Enumerable.Range(0, count).Select(value).ToArray();

    private static double? Rate(IReadOnlyCollection<MetricsSecond> window)
    {
        var closed = window.Sum(s => s.SessionsClosed);
        return closed == 0 ? null : (double)window.Sum(s => s.SessionsClosedByBot) / closed;
    }

    // The newest sample at or before 'second', if recent enough to stand for it (samples are in time order).
    private static T? Latest<T>(IReadOnlyList<T> samples, Func<T, long> at, long second) where T : class
    {
        for (var i = samples.Count - 1; i >= 0; i--)
        {
            var t = at(samples[i]);
            if (t <= second)
            {
                return second - t <= GaugeHoldSeconds ? samples[i] : null;
            }
        }

        return null;
    }
}
