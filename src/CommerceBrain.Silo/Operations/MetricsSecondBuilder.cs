namespace CommerceBrain.Silo.Operations;

/// <summary>The second being measured on this silo: mutable counts, sealed into a <see cref="MetricsSecond"/> when it is over.</summary>
internal sealed class MetricsSecondBuilder(long second)
{
    private readonly Dictionary<string, int> denied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HistogramBuilder> http = new(StringComparer.Ordinal);
    private HistogramBuilder? waitTime;
    private HistogramBuilder? turnDuration;

    public long Second { get; } = second;

    public int SessionsOpened { get; set; }

    public int SessionsClosed { get; set; }

    public int SessionsClosedByBot { get; set; }

    public int Handoffs { get; set; }

    public int Enqueued { get; set; }

    public int Assigned { get; set; }

    public int SlaBreaches { get; set; }

    public int ClaimsGranted { get; set; }

    public int ClaimsBusy { get; set; }

    public void Denied(string reason, int count) => denied[reason] = denied.GetValueOrDefault(reason) + count;

    public void Http(string group, double milliseconds)
    {
        if (!http.TryGetValue(group, out var histogram))
        {
            http[group] = histogram = new HistogramBuilder(LatencyScale.Milliseconds);
        }

        histogram.Record(milliseconds);
    }

    public void WaitTime(double seconds) => (waitTime ??= new HistogramBuilder(LatencyScale.Seconds)).Record(seconds);

    public void TurnDuration(double milliseconds) => (turnDuration ??= new HistogramBuilder(LatencyScale.Milliseconds)).Record(milliseconds);

    public MetricsSecond Build() => new(
        Second, SessionsOpened, SessionsClosed, SessionsClosedByBot, Handoffs, Enqueued, Assigned, SlaBreaches, ClaimsGranted,
        new Dictionary<string, int>(denied, StringComparer.Ordinal), ClaimsBusy,
        http.ToDictionary(h => h.Key, h => h.Value.Build(), StringComparer.Ordinal),
        waitTime?.Build(), turnDuration?.Build());

    private sealed class HistogramBuilder(LatencyScale scale)
    {
        private readonly int[] counts = new int[scale.Bounds.Count + 1];
        private double max;

        public void Record(double value)
        {
            var v = Math.Max(0, value);
            counts[scale.BucketOf(v)]++;
            max = Math.Max(max, v);
        }

        public LatencyHistogram Build() => new((int[])counts.Clone(), max);
    }
}
