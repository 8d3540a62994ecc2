using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// Which types a run allocates, from the runtime's GC AllocationTick event (one sample about every 100 KB allocated): shows
/// where the bytes per call go without a profiler. In-process, so it only sees this process.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _samples = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var index = eventData.PayloadNames.IndexOf("TypeName");
        var type = index >= 0 && eventData.Payload?[index] is string name ? name : "(unknown)";
        _samples.AddOrUpdate(type, 1, (_, count) => count + 1);
    }

    /// <summary>Prints the most sampled types since the last call, as shares of all samples, and starts over.</summary>
    public void PrintAndReset(string label, int top = 12)
    {
        var snapshot = _samples.ToArray();
        _samples.Clear();
        var total = snapshot.Sum(s => s.Value);
        Console.WriteLine($"  allocations by type, {label} ({total} samples):");
        foreach (var (type, count) in snapshot.OrderByDescending(s => s.Value).Take(top))
        {
            Console.WriteLine($"    - {(100.0 * count / Math.Max(1, total)).ToString("F1", CultureInfo.InvariantCulture),5} %  {type}");
        }
    }
}
