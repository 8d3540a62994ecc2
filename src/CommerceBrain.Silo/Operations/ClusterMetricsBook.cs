namespace CommerceBrain.Silo.Operations;

/// <summary>
/// The metrics grain's memory: each silo's seconds (bounded by the retention), queue and activation samples, and the last
/// view of the members. Pure, so its merging and ageing are tested without a cluster.
/// </summary>
public sealed class ClusterMetricsBook(OperationsOptions options)
{
    private readonly Dictionary<string, SiloEntry> silos = new(StringComparer.Ordinal);
    private readonly Queue<QueueSample> queue = new();
    private readonly Queue<ActivationSample> activations = new();
    private IReadOnlyList<SiloActivity> members = [];

    /// <summary>Takes a report; see <see cref="IOperationsMetricsGrain.Push"/> for the answer.</summary>
    public long Push(SiloMetricsReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var known = silos.TryGetValue(report.SiloAddress, out var entry);
        if (!known)
        {
            silos[report.SiloAddress] = entry = new SiloEntry();
        }

        entry!.Name = report.SiloName;
        entry.LastReport = now;
        var oldest = now.ToUnixTimeSeconds() - OperationsOptions.RetentionSeconds;
        foreach (var second in report.Seconds.Where(s => s.Second > oldest))
        {
            entry.Seconds[second.Second] = second;
        }

        Prune(now);
        // A book that has never heard of this silo may have missed its earlier seconds: ask for the whole ring once.
        if (!known && !report.Complete)
        {
            return 0;
        }

        if (report.Seconds.Count > 0)
        {
            entry.Acknowledged = Math.Max(entry.Acknowledged, report.Seconds.Max(s => s.Second));
        }

        return entry.Acknowledged;
    }

    /// <summary>Records the gauges sampled at <paramref name="now"/>: queue totals (null when they could not be read) and the members.</summary>
    public void RecordGauges(DateTimeOffset now, QueueSample? queueSample, IReadOnlyList<SiloActivity> activeMembers)
    {
        ArgumentNullException.ThrowIfNull(activeMembers);
        if (queueSample is not null)
        {
            queue.Enqueue(queueSample);
        }

        members = activeMembers;
        activations.Enqueue(new ActivationSample(now.ToUnixTimeSeconds(),
            activeMembers.Where(m => m.Activations is not null).ToDictionary(m => m.Address, m => m.Activations!.Value, StringComparer.Ordinal)));
        Prune(now);
    }

    /// <summary>The cluster from <paramref name="sinceSecond"/> on.</summary>
    public OperationsSnapshot Read(long sinceSecond, DateTimeOffset now)
    {
        Prune(now);
        var merged = new SortedDictionary<long, MetricsSecond>();
        foreach (var entry in silos.Values)
        {
            foreach (var (second, measured) in entry.Seconds)
            {
                if (second >= sinceSecond)
                {
                    merged[second] = merged.TryGetValue(second, out var sum) ? sum.Merge(measured) : measured;
                }
            }
        }

        return new OperationsSnapshot(
            now.ToUnixTimeSeconds(),
            [.. merged.Values],
            [.. queue.Where(q => q.Second >= sinceSecond)],
            [.. activations.Where(a => a.Second >= sinceSecond)],
            Table(now));
    }

    // Members first (as Orleans sees them), then silos that still have history but left the membership.
    private List<SiloActivity> Table(DateTimeOffset now)
    {
        var table = new List<SiloActivity>();
        foreach (var member in members)
        {
            silos.TryGetValue(member.Address, out var entry);
            table.Add(member with
            {
                Name = entry?.Name ?? member.Name,
                LastReportSecond = entry?.LastReport.ToUnixTimeSeconds(),
                Reporting = entry is not null && now - entry.LastReport <= options.SiloStaleAfter,
            });
        }

        foreach (var (address, entry) in silos.Where(s => members.All(m => !string.Equals(m.Address, s.Key, StringComparison.Ordinal))))
        {
            table.Add(new SiloActivity(address, entry.Name, "Unknown", null, entry.LastReport.ToUnixTimeSeconds(),
                now - entry.LastReport <= options.SiloStaleAfter));
        }

        return table;
    }

    private void Prune(DateTimeOffset now)
    {
        var oldest = now.ToUnixTimeSeconds() - OperationsOptions.RetentionSeconds;
        foreach (var (address, entry) in silos.ToList())
        {
            foreach (var second in entry.Seconds.Keys.TakeWhile(s => s <= oldest).ToList())
            {
                entry.Seconds.Remove(second);
            }

            // A silo that stopped pushing ages out with its last second.
            if (entry.Seconds.Count == 0 && now - entry.LastReport > TimeSpan.FromSeconds(OperationsOptions.RetentionSeconds))
            {
                silos.Remove(address);
            }
        }

        while (queue.TryPeek(out var q) && q.Second <= oldest)
        {
            queue.Dequeue();
        }

        while (activations.TryPeek(out var a) && a.Second <= oldest)
        {
            activations.Dequeue();
        }
    }

    private sealed class SiloEntry
    {
        public string Name { get; set; } = string.Empty;

        public DateTimeOffset LastReport { get; set; }

        public long Acknowledged { get; set; }

        public SortedDictionary<long, MetricsSecond> Seconds { get; } = new();
    }
}
