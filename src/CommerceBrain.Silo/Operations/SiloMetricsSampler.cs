using System.Diagnostics.Metrics;
using CommerceBrain.Conversations;

namespace CommerceBrain.Silo.Operations;

/// <summary>
/// This silo's side of the operations page: a <see cref="MeterListener"/> over the modules' instruments and ASP.NET
/// Core's request duration, aggregated into 1-s buckets kept for <see cref="OperationsOptions.RetentionSeconds"/> (a
/// bounded ring). Per measurement it finds its bucket by the instrument's state (no lookup of the instrument) and adds under a short lock; everything
/// else (percentiles, merging silos) happens when the page reads.
/// </summary>
public sealed class SiloMetricsSampler : IDisposable
{
    private readonly TimeProvider time;
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private readonly Queue<MetricsSecond> sealedSeconds = new();
    private MetricsSecondBuilder? current;

    /// <summary>Starts listening at once: measurements before this are not counted.</summary>
    public SiloMetricsSampler(TimeProvider time)
        : this(time, OperationsInstruments.ByMeter)
    {
    }

    // Tests listen to meters of their own, so the process's real instruments (other test silos) cannot leak in.
    internal SiloMetricsSampler(TimeProvider time, IReadOnlyDictionary<string, IReadOnlyDictionary<string, MeasuredKind>> instrumentsByMeter)
    {
        this.time = time;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrumentsByMeter.TryGetValue(instrument.Meter.Name, out var instruments)
                && instruments.TryGetValue(instrument.Name, out var kind))
            {
                // The kind rides along as the listener's per-instrument state: no lookup per measurement.
                l.EnableMeasurementEvents(instrument, kind);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record((MeasuredKind)state!, value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record((MeasuredKind)state!, value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record((MeasuredKind)state!, value, tags));
        listener.Start();
    }

    /// <summary>The oldest second still held (0 when nothing is).</summary>
    public long OldestSecond
    {
        get
        {
            lock (gate)
            {
                SealUpTo(Now());
                return sealedSeconds.TryPeek(out var oldest) ? oldest.Second : 0;
            }
        }
    }

    /// <summary>
    /// The finished seconds after <paramref name="afterSecond"/>, oldest first. Seconds without a single measurement are
    /// not listed (the reader treats them as zero).
    /// </summary>
    public IReadOnlyList<MetricsSecond> SealedAfter(long afterSecond)
    {
        lock (gate)
        {
            SealUpTo(Now());
            return sealedSeconds.Where(s => s.Second > afterSecond).ToList();
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    private void Record(MeasuredKind kind, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // A WebSocket's "request" lasts as long as the connection (a live session stream: minutes); it is not a latency.
        if (kind == MeasuredKind.HttpDuration && Tag(tags, "http.response.status_code") == "101")
        {
            return;
        }

        // Tags are read before taking the lock; only the additions are serialised.
        string? tag = kind switch
        {
            MeasuredKind.SessionsClosed => Tag(tags, ConversationsTelemetry.HandledByTag),
            MeasuredKind.ClaimsDenied => Tag(tags, "reason") ?? "unknown",
            MeasuredKind.HttpDuration => RouteGroups.Of(Tag(tags, "http.route")),
            _ => null,
        };
        var count = (int)Math.Min(int.MaxValue, Math.Max(0, value));
        var second = Now();
        lock (gate)
        {
            var bucket = Current(second);
            switch (kind)
            {
                case MeasuredKind.SessionsOpened: bucket.SessionsOpened += count; break;
                case MeasuredKind.SessionsClosed:
                    bucket.SessionsClosed += count;
                    if (string.Equals(tag, ConversationsTelemetry.HandledByBot, StringComparison.Ordinal))
                    {
                        bucket.SessionsClosedByBot += count;
                    }

                    break;
                case MeasuredKind.Handoffs: bucket.Handoffs += count; break;
                case MeasuredKind.Enqueued: bucket.Enqueued += count; break;
                case MeasuredKind.Assigned: bucket.Assigned += count; break;
                case MeasuredKind.SlaBreaches: bucket.SlaBreaches += count; break;
                case MeasuredKind.ClaimsGranted: bucket.ClaimsGranted += count; break;
                case MeasuredKind.ClaimsBusy: bucket.ClaimsBusy += count; break;
                case MeasuredKind.ClaimsDenied: bucket.Denied(tag!, count); break;
                case MeasuredKind.WaitTime: bucket.WaitTime(value); break;
                case MeasuredKind.TurnDuration: bucket.TurnDuration(value); break;
                // ASP.NET Core records seconds; the page shows milliseconds.
                case MeasuredKind.HttpDuration: bucket.Http(tag!, value * 1000); break;
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, name, StringComparison.Ordinal))
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    // Under the lock.
    private MetricsSecondBuilder Current(long second)
    {
        if (current is null || second > current.Second)
        {
            SealUpTo(second);
            current = new MetricsSecondBuilder(second);
        }

        // A clock step backwards lands in the current second rather than reopening a sealed one.
        return current;
    }

    // Under the lock: seals the current second once it is over and drops seconds older than the retention.
    private void SealUpTo(long now)
    {
        if (current is not null && current.Second < now)
        {
            sealedSeconds.Enqueue(current.Build());
            current = null;
        }

        while (sealedSeconds.TryPeek(out var oldest) && oldest.Second <= now - OperationsOptions.RetentionSeconds)
        {
            sealedSeconds.Dequeue();
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => listener.Dispose();
}
