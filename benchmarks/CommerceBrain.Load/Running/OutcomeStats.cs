using System.Collections.Concurrent;
using HdrHistogram;

namespace CommerceBrain.Load.Running;

/// <summary>
/// Counts, latency histogram (microseconds, 3 significant digits, up to an hour), error breakdown and successful
/// outcomes by status of one step or of a scenario's iterations. Thread-safe; recording does not allocate except for
/// the first occurrence of an error or of an OK status.
/// </summary>
internal sealed class OutcomeStats
{
    /// <summary>Highest latency the histograms track: one hour in microseconds.</summary>
    public const long HighestMicros = 3_600_000_000;

    /// <summary>Distinct (status, message) rows kept; later distinct errors land in one "other" row.</summary>
    public const int MaxDistinctErrors = 200;

    /// <summary>Distinct statuses of successful outcomes kept; later ones land in one "other" row.</summary>
    public const int MaxDistinctOutcomes = 200;

    private static readonly ErrorKey Overflow = new("other", "more distinct errors than the report keeps");

    private readonly ConcurrentDictionary<ErrorKey, StrongBox> errors = new();
    private readonly ConcurrentDictionary<string, StrongBox> outcomes = new(StringComparer.Ordinal);
    private long ok;
    private long failed;
    private long bytes;

    /// <summary>Creates empty statistics named <paramref name="name"/>.</summary>
    public OutcomeStats(string name) => Name = name;

    /// <summary>Step or scenario name.</summary>
    public string Name { get; }

    /// <summary>Every recorded latency, failed ones included (a timeout's latency is a latency users saw).</summary>
    public LongConcurrentHistogram Latency { get; } = new(1, HighestMicros, 3);

    /// <summary>Successful outcomes.</summary>
    public long Ok => Volatile.Read(ref ok);

    /// <summary>Failed outcomes.</summary>
    public long Failed => Volatile.Read(ref failed);

    /// <summary>Bytes received.</summary>
    public long Bytes => Volatile.Read(ref bytes);

    /// <summary>Records one outcome.</summary>
    public void Record(long micros, Response response)
    {
        Latency.RecordValue(Math.Clamp(micros, 1, HighestMicros));
        if (response.SizeBytes > 0)
        {
            Interlocked.Add(ref bytes, response.SizeBytes);
        }

        if (response.IsError)
        {
            RecordError(response.StatusCode, response.Message ?? string.Empty);
        }
        else
        {
            Interlocked.Increment(ref ok);
            RecordOutcome(response.StatusCode);
        }
    }

    /// <summary>Records a failure without a latency (an iteration the driver could not start).</summary>
    public void RecordError(string status, string message)
    {
        Interlocked.Increment(ref failed);
        var key = new ErrorKey(status, message);
        if (!errors.TryGetValue(key, out var box))
        {
            box = errors.Count >= MaxDistinctErrors ? errors.GetOrAdd(Overflow, static _ => new StrongBox()) : errors.GetOrAdd(key, static _ => new StrongBox());
        }

        Interlocked.Increment(ref box.Value);
    }

    /// <summary>The error breakdown, most frequent first.</summary>
    public IReadOnlyList<(ErrorKey Error, long Count)> Errors()
    {
        var list = new List<(ErrorKey, long)>(errors.Count);
        foreach (var (key, box) in errors)
        {
            list.Add((key, Volatile.Read(ref box.Value)));
        }

        list.Sort(static (a, b) => b.Item2.CompareTo(a.Item2));
        return list;
    }

    /// <summary>Successful outcomes by status (answered vs handed over, granted vs denied...), most frequent first.</summary>
    public IReadOnlyList<(string Status, long Count)> Outcomes()
    {
        var list = new List<(string, long)>(outcomes.Count);
        foreach (var (status, box) in outcomes)
        {
            list.Add((status, Volatile.Read(ref box.Value)));
        }

        list.Sort(static (a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : string.CompareOrdinal(a.Item1, b.Item1));
        return list;
    }

    private void RecordOutcome(string status)
    {
        if (!outcomes.TryGetValue(status, out var box))
        {
            box = outcomes.Count >= MaxDistinctOutcomes ? outcomes.GetOrAdd("other", static _ => new StrongBox()) : outcomes.GetOrAdd(status, static _ => new StrongBox());
        }

        Interlocked.Increment(ref box.Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
