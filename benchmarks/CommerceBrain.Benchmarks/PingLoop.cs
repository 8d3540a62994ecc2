using System.Diagnostics;

namespace CommerceBrain.Benchmarks;

/// <summary>One call loop: awaits each call before the next, so the loops in flight bound the calls in flight.</summary>
internal static class PingLoop
{
    /// <summary>Checking the clock every call would cost more than a no-op call's share; every 32 calls it is noise.</summary>
    private const int CallsPerClockCheck = 32;

    /// <summary>
    /// The keys loop <paramref name="loop"/> of <paramref name="loops"/> calls: loop, loop + loops, ... below
    /// <paramref name="keys"/>. The slices are disjoint, so no target ever has two calls waiting and every key is called.
    /// </summary>
    public static IPingGrain[] Targets(IGrainFactory grains, int keys, int loop, int loops)
    {
        var targets = new List<IPingGrain>(keys / loops + 1);
        for (var key = loop; key < keys; key += loops)
        {
            targets.Add(grains.GetGrain<IPingGrain>(key));
        }

        return targets.Count > 0
            ? [.. targets]
            : throw new ArgumentException($"{loops} call loops over {keys} keys leave loop {loop} without a key; use at most as many loops as keys.");
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of <paramref name="utc"/>: the loops read the cheaper clock.</summary>
    public static long StopwatchDeadline(DateTime utc) =>
        Stopwatch.GetTimestamp() + (long)((utc - DateTime.UtcNow).TotalSeconds * Stopwatch.Frequency);

    /// <summary>Calls the targets round-robin until <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp); returns the calls made.</summary>
    public static async Task<long> RunAsync(IPingGrain[] targets, long deadline)
    {
        long calls = 0;
        var next = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            for (var i = 0; i < CallsPerClockCheck; i++)
            {
                await targets[next].Ping();
                next = next + 1 == targets.Length ? 0 : next + 1;
            }

            calls += CallsPerClockCheck;
        }

        return calls;
    }
}
