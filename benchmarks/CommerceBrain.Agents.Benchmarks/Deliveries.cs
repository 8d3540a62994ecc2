using System.Diagnostics;
using HdrHistogram;

namespace CommerceBrain.Agents.Benchmarks;

/// <summary>
/// The load's bookkeeping: each message's scheduled send time and session, how often it reached its agent's stream,
/// and the delivery latency (arrival − scheduled send time, so a late send counts against the system: open model).
/// </summary>
internal sealed class Deliveries(int messages)
{
    private const long HighestMicros = 3_600_000_000;

    private readonly long[] scheduled = new long[messages];
    private readonly int[] sessionOf = new int[messages];
    private readonly int[] arrivals = new int[messages];
    private readonly LongConcurrentHistogram latency = new(1, HighestMicros, 3);
    private int delivered;
    private int duplicated;
    private int misrouted;

    public int Messages => messages;

    public int Delivered => Volatile.Read(ref delivered);

    public int Duplicated => Volatile.Read(ref duplicated);

    /// <summary>Messages that arrived on another session's stream (must be 0).</summary>
    public int Misrouted => Volatile.Read(ref misrouted);

    public HistogramBase Latency => latency;

    public void Schedule(int message, int session, long timestamp)
    {
        scheduled[message] = timestamp;
        sessionOf[message] = session;
    }

    /// <summary>Message <paramref name="message"/> arrived on the stream of <paramref name="session"/> at <paramref name="timestamp"/>.</summary>
    public void Arrived(int message, int session, long timestamp)
    {
        if ((uint)message >= (uint)messages || sessionOf[message] != session)
        {
            Interlocked.Increment(ref misrouted);
            return;
        }

        if (Interlocked.Increment(ref arrivals[message]) > 1)
        {
            Interlocked.Increment(ref duplicated);
            return;
        }

        Interlocked.Increment(ref delivered);
        var micros = (long)Stopwatch.GetElapsedTime(scheduled[message], timestamp).TotalMicroseconds;
        latency.RecordValue(Math.Clamp(micros, 1, HighestMicros));
    }

    /// <summary>Messages the silo acknowledged (200) that never reached the agent's stream.</summary>
    public int Lost(IReadOnlyList<int> acknowledged) => acknowledged.Count(m => Volatile.Read(ref arrivals[m]) == 0);
}
