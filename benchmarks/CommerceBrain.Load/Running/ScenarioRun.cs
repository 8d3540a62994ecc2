using System.Collections.Concurrent;
using System.Diagnostics;
using CommerceBrain.Load.Simulations;

namespace CommerceBrain.Load.Running;

/// <summary>
/// One scenario while it runs: its warm-up and measured schedules, the open-model scheduler (a dedicated thread that
/// releases iterations at their intended times, never waiting for earlier ones) and the closed-model copies.
/// </summary>
internal sealed class ScenarioRun
{
    private const int PhaseWarmUp = 0;
    private const int PhaseMeasuring = 1;
    private const int PhaseDone = 2;

    private readonly RunLimits limits;
    private readonly long runStartTimestamp;
    private readonly DateTimeOffset runStartWall;
    private readonly CancellationToken stopToken;
    private readonly CancellationTokenSource iterationCts;
    private readonly long maxIterations;
    private long invocations;
    private int inFlight;
    private int targetCopies;
    private int phase;
    private volatile bool exhausted;

    /// <summary>Prepares scenario <paramref name="props"/> (number <paramref name="index"/> of the run).</summary>
    public ScenarioRun(ScenarioProps props, int index, int seed, TextWriter log, RunLimits limits,
        long runStartTimestamp, DateTimeOffset runStartWall, CancellationToken stopToken)
    {
        Props = props;
        Index = index;
        Seed = seed;
        Log = log;
        this.limits = limits;
        this.runStartTimestamp = runStartTimestamp;
        this.runStartWall = runStartWall;
        this.stopToken = stopToken;
        iterationCts = new CancellationTokenSource();
        maxIterations = Math.Min(props.MaxIterations ?? long.MaxValue, limits.MaxIterations);
        Stats = new ScenarioStats(props.Name);
    }

    /// <summary>The scenario.</summary>
    public ScenarioProps Props { get; }

    /// <summary>Position of the scenario in the run (part of the random seeds).</summary>
    public int Index { get; }

    /// <summary>The run's seed.</summary>
    public int Seed { get; }

    /// <summary>The run log.</summary>
    public TextWriter Log { get; }

    /// <summary>Shared state from Init.</summary>
    public ConcurrentDictionary<string, object> Data { get; } = new(StringComparer.Ordinal);

    /// <summary>Measured statistics.</summary>
    public ScenarioStats Stats { get; }

    /// <summary>Token the iterations see: cancelled when in-flight iterations outlive the drain after the schedule.</summary>
    public CancellationToken Token => iterationCts.Token;

    /// <summary>Stopwatch timestamp when measurement started (0 before).</summary>
    public long MeasureStartTimestamp { get; private set; }

    /// <summary>Stopwatch timestamp when the scenario finished (0 before).</summary>
    public long MeasureEndTimestamp { get; private set; }

    /// <summary>True while measured iterations are being started or finished.</summary>
    public bool IsMeasuring => Volatile.Read(ref phase) == PhaseMeasuring;

    /// <summary>True once the scenario has finished.</summary>
    public bool IsDone => Volatile.Read(ref phase) == PhaseDone;

    /// <summary>Iterations in flight right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Warm-up plus the measured schedule, in seconds.</summary>
    public double PlannedSeconds => Props.TotalDuration.TotalSeconds;

    /// <summary>Wall-clock time of a stopwatch timestamp.</summary>
    public DateTimeOffset WallClockAt(long timestamp) =>
        runStartWall + TimeSpan.FromSeconds((timestamp - runStartTimestamp) / (double)Stopwatch.Frequency);

    /// <summary>Runs the warm-up, then the measured schedule, then lets in-flight iterations finish.</summary>
    public async Task RunAsync()
    {
        var plan = SchedulePlan.Build(Props.LoadSimulations);
        var warmUp = Props.WarmUpDuration.TotalSeconds;
        if (warmUp > 0)
        {
            await RunPlanAsync(SchedulePlan.Truncate(plan, warmUp), measured: false).ConfigureAwait(false);
        }

        MeasureStartTimestamp = Stopwatch.GetTimestamp();
        Volatile.Write(ref phase, PhaseMeasuring);
        try
        {
            await RunPlanAsync(plan, measured: true).ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
        }
        finally
        {
            MeasureEndTimestamp = Stopwatch.GetTimestamp();
            Volatile.Write(ref phase, PhaseDone);
        }
    }

    /// <summary>Runs one iteration released by the open-model scheduler.</summary>
    internal async Task RunReleasedAsync(ScenarioContext context)
    {
        try
        {
            await RunIterationAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task RunIterationAsync(ScenarioContext context)
    {
        // Open model: from the intended start (what a user arriving on schedule would have waited); closed: from now.
        var start = context.IntendedTimestamp;
        Response response;
        try
        {
            response = await Props.Run(context).ConfigureAwait(false)
                ?? Response.Fail("no_response", "the scenario body returned null");
        }
        catch (Exception ex)
        {
            response = Failures.From(ex, Token);
        }

        // Iterations cut off by the end of the run are not outcomes of the system under test.
        if (context.Measured && !(response.IsError && Token.IsCancellationRequested))
        {
            Stats.RecordIteration(LatencyClock.Micros(start, Stopwatch.GetTimestamp()), response);
        }
    }

    private async Task RunPlanAsync(IReadOnlyList<PlannedSegment> plan, bool measured)
    {
        var phaseStart = Stopwatch.GetTimestamp();
        foreach (var segment in plan)
        {
            if (stopToken.IsCancellationRequested || exhausted)
            {
                return;
            }

            switch (segment.Model)
            {
                case SegmentModel.Open:
                    var s = segment;
                    await Task.Factory.StartNew(
                        () => RunOpenSegment(s, phaseStart, measured),
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default).ConfigureAwait(false);
                    break;
                case SegmentModel.Closed:
                    await RunClosedSegmentAsync(segment, phaseStart, measured).ConfigureAwait(false);
                    break;
                default:
                    await DelayUntilAsync(phaseStart + LatencyClock.Ticks(segment.EndSeconds)).ConfigureAwait(false);
                    break;
            }
        }
    }

    // Runs on its own thread: sleeps until each iteration's intended time and hands it to the thread pool.
    private void RunOpenSegment(PlannedSegment segment, long phaseStart, bool measured)
    {
        var segmentStart = phaseStart + LatencyClock.Ticks(segment.StartSeconds);
        var segmentEnd = phaseStart + LatencyClock.Ticks(segment.EndSeconds);
        var count = segment.IterationCount;
        for (long k = 0; k < count; k++)
        {
            var due = segmentStart + LatencyClock.Ticks(segment.OffsetSeconds(k));
            if (due >= segmentEnd || !WaitUntil(due) || !TryTakeInvocation(out var invocation))
            {
                break;
            }

            if (Interlocked.Increment(ref inFlight) > limits.MaxInFlight)
            {
                Interlocked.Decrement(ref inFlight);
                if (measured)
                {
                    Stats.Iterations.RecordError(Failures.DroppedStatus, Failures.DroppedMessage);
                }

                continue;
            }

            var context = new ScenarioContext(this, 0, openModel: true);
            context.Begin(invocation, due, measured);
            ThreadPool.UnsafeQueueUserWorkItem(context, preferLocal: false);
        }

        WaitUntil(segmentEnd);
    }

    private bool WaitUntil(long timestamp)
    {
        while (true)
        {
            if (stopToken.IsCancellationRequested || exhausted)
            {
                return false;
            }

            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            // At most 100 ms at a time so that Ctrl+C stops the scheduler promptly.
            PreciseSleep.Micros(Math.Min(LatencyClock.Micros(0, remaining), 100_000));
        }
    }

    private async Task RunClosedSegmentAsync(PlannedSegment segment, long phaseStart, bool measured)
    {
        var segmentStart = phaseStart + LatencyClock.Ticks(segment.StartSeconds);
        var segmentEnd = phaseStart + LatencyClock.Ticks(segment.EndSeconds);
        var copies = Math.Max(segment.StartCopies, segment.EndCopies);
        Volatile.Write(ref targetCopies, segment.CopiesAt(0));
        var tasks = new Task[copies];
        for (var i = 0; i < copies; i++)
        {
            var copy = i;
            tasks[i] = Task.Run(() => CopyLoopAsync(copy, segmentEnd, measured));
        }

        if (segment.StartCopies != segment.EndCopies)
        {
            // Ramping: copies above the current target idle; the target follows the line every 100 ms.
            while (!stopToken.IsCancellationRequested && !exhausted)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= segmentEnd)
                {
                    break;
                }

                Volatile.Write(ref targetCopies, segment.CopiesAt((now - segmentStart) / (double)Stopwatch.Frequency));
                await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task CopyLoopAsync(int copy, long segmentEnd, bool measured)
    {
        var context = new ScenarioContext(this, copy, openModel: false);
        while (!stopToken.IsCancellationRequested && !exhausted)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= segmentEnd)
            {
                return;
            }

            if (copy >= Volatile.Read(ref targetCopies))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
                continue;
            }

            if (!TryTakeInvocation(out var invocation))
            {
                return;
            }

            Interlocked.Increment(ref inFlight);
            try
            {
                context.Begin(invocation, now, measured);
                await RunIterationAsync(context).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    private bool TryTakeInvocation(out long invocation)
    {
        invocation = Interlocked.Increment(ref invocations) - 1;
        if (invocation < maxIterations)
        {
            return true;
        }

        exhausted = true;
        return false;
    }

    private async Task DelayUntilAsync(long timestamp)
    {
        while (!stopToken.IsCancellationRequested)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, Math.Max(1, LatencyClock.Micros(0, remaining) / 1000)))).ConfigureAwait(false);
        }
    }

    // After the schedule: in-flight iterations may finish (they were released on time); past the drain timeout — or a
    // short grace after Ctrl+C — they are cancelled, then given 5 s more to notice.
    private async Task DrainAsync()
    {
        var start = Stopwatch.GetTimestamp();
        var cancelledAt = 0L;
        while (Volatile.Read(ref inFlight) > 0)
        {
            var now = Stopwatch.GetTimestamp();
            var grace = stopToken.IsCancellationRequested ? TimeSpan.FromSeconds(2) : limits.DrainTimeout;
            if (cancelledAt == 0 && now - start >= LatencyClock.Ticks(grace.TotalSeconds))
            {
                await iterationCts.CancelAsync().ConfigureAwait(false);
                cancelledAt = now;
            }
            else if (cancelledAt != 0 && now - cancelledAt >= LatencyClock.Ticks(5))
            {
                await Log.WriteLineAsync($"{Props.Name}: {Volatile.Read(ref inFlight)} iterations still running after cancellation; not waiting for them").ConfigureAwait(false);
                return;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
