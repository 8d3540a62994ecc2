using System.Collections.Concurrent;
using HdrHistogram;

namespace CommerceBrain.Load.Running;

/// <summary>The measured (post-warm-up) statistics of one scenario: its iterations, its steps, and an interval recorder for the timeline.</summary>
internal sealed class ScenarioStats
{
    private readonly ConcurrentDictionary<string, OutcomeStats> steps = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> stepOrder = new();
    private readonly Recorder interval = new(1, OutcomeStats.HighestMicros, 3, static (id, low, high, digits) => new LongHistogram(id, low, high, digits));

    /// <summary>Creates empty statistics for scenario <paramref name="name"/>.</summary>
    public ScenarioStats(string name) => Iterations = new OutcomeStats(name);

    /// <summary>The scenario's iterations (overall outcome and latency).</summary>
    public OutcomeStats Iterations { get; }

    /// <summary>The step named <paramref name="name"/>, created on first use.</summary>
    public OutcomeStats Step(string name)
    {
        if (steps.TryGetValue(name, out var stats))
        {
            return stats;
        }

        var created = new OutcomeStats(name);
        var added = steps.GetOrAdd(name, created);
        if (ReferenceEquals(added, created))
        {
            stepOrder.Enqueue(name);
        }

        return added;
    }

    /// <summary>Steps in the order they were first seen.</summary>
    public IReadOnlyList<OutcomeStats> Steps()
    {
        var list = new List<OutcomeStats>();
        foreach (var name in stepOrder)
        {
            list.Add(steps[name]);
        }

        return list;
    }

    /// <summary>Records one iteration's outcome.</summary>
    public void RecordIteration(long micros, Response response)
    {
        Iterations.Record(micros, response);
        interval.RecordValue(Math.Clamp(micros, 1, OutcomeStats.HighestMicros));
    }

    /// <summary>Latencies recorded since the previous call (for the 1-s timeline).</summary>
    public HistogramBase TakeInterval(HistogramBase? recycle) => recycle is null ? interval.GetIntervalHistogram() : interval.GetIntervalHistogram(recycle);
}
