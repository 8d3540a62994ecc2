using System.Diagnostics;
using HdrHistogram;

namespace CommerceBrain.Load.Running;

/// <summary>Once a second: one timeline row per measuring scenario, and a progress sample for the observer.</summary>
internal sealed class TimelineSampler
{
    private readonly IReadOnlyList<ScenarioRun> runs;
    private readonly IRunObserver? observer;
    private readonly long runStart;
    private readonly List<TimelineRow> rows = [];
    private readonly long[] lastOk;
    private readonly long[] lastFailed;
    private readonly long[] lastSample;
    private readonly int[] lastSecond;
    private readonly bool[] finished;
    // One per scenario: a Recorder only takes back histograms it handed out itself.
    private readonly HistogramBase?[] recycle;

    /// <summary>Samples <paramref name="runs"/>, which started at <paramref name="runStartTimestamp"/>.</summary>
    public TimelineSampler(IReadOnlyList<ScenarioRun> runs, IRunObserver? observer, long runStartTimestamp)
    {
        this.runs = runs;
        this.observer = observer;
        runStart = runStartTimestamp;
        lastOk = new long[runs.Count];
        lastFailed = new long[runs.Count];
        lastSample = new long[runs.Count];
        lastSecond = new int[runs.Count];
        finished = new bool[runs.Count];
        recycle = new HistogramBase?[runs.Count];
    }

    /// <summary>Rows so far.</summary>
    public IReadOnlyList<TimelineRow> Rows => rows;

    /// <summary>Samples every second until <paramref name="stop"/> is cancelled, then once more.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }

        Sample();
    }

    private void Sample()
    {
        var now = Stopwatch.GetTimestamp();
        var progress = new ScenarioProgress[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var measuring = run.IsMeasuring;
            var done = run.IsDone;
            double rps = 0, p50 = 0, p99 = 0;
            var ok = run.Stats.Iterations.Ok;
            var failed = run.Stats.Iterations.Failed;
            if ((measuring || done) && !finished[i])
            {
                var interval = run.Stats.TakeInterval(recycle[i]);
                recycle[i] = interval;
                var since = lastSample[i] == 0 ? run.MeasureStartTimestamp : lastSample[i];
                var seconds = Math.Max(1e-3, (now - since) / (double)Stopwatch.Frequency);
                var finishedNow = ok - lastOk[i] + (failed - lastFailed[i]);
                rps = finishedNow / seconds;
                p50 = interval.TotalCount == 0 ? 0 : interval.GetValueAtPercentile(50) / 1000.0;
                p99 = interval.TotalCount == 0 ? 0 : interval.GetValueAtPercentile(99) / 1000.0;
                var second = (int)Math.Round((now - run.MeasureStartTimestamp) / (double)Stopwatch.Frequency, MidpointRounding.AwayFromZero);
                // Timer jitter can round two samples onto one second; each row keeps its own.
                second = Math.Max(second, lastSecond[i] + 1);
                rows.Add(new TimelineRow(second, run.Props.Name, ok - lastOk[i], failed - lastFailed[i], p50, p99));
                lastSecond[i] = second;
                lastOk[i] = ok;
                lastFailed[i] = failed;
                lastSample[i] = now;
                finished[i] = done;
            }

            var phase = done ? "done" : measuring ? "running" : "warm-up";
            var elapsed = (now - runStart) / (double)Stopwatch.Frequency;
            progress[i] = new ScenarioProgress(run.Props.Name, phase, rps, p50, p99, ok, failed, Math.Min(elapsed, run.PlannedSeconds), run.PlannedSeconds);
        }

        observer?.OnProgress(progress);
    }
}
