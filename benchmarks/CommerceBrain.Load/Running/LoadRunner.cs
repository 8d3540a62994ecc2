using System.Diagnostics;

namespace CommerceBrain.Load.Running;

/// <summary>
/// Runs scenarios side by side: Init each, then every scenario's warm-up and schedule at once while a sampler writes the
/// 1-s timeline, then Clean each. Bounded by <see cref="RunLimits"/>; cancelling the token stops the schedules and
/// still returns what ran.
/// </summary>
internal sealed class LoadRunner(RunLimits limits, int seed, TextWriter log, IRunObserver? observer = null)
{
    /// <summary>Checks the scenarios against the limits; throws <see cref="LoadRunException"/> with one line.</summary>
    public void Validate(IReadOnlyList<ScenarioProps> scenarios)
    {
        if (scenarios.Count == 0)
        {
            throw new LoadRunException("the profile built no scenarios");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in scenarios)
        {
            if (!names.Add(s.Name))
            {
                throw new LoadRunException($"two scenarios are named '{s.Name}'");
            }

            if (s.LoadSimulations.Count == 0)
            {
                throw new LoadRunException($"scenario '{s.Name}' has no load simulations");
            }

            if (s.TotalDuration > limits.MaxDuration)
            {
                throw new LoadRunException($"scenario '{s.Name}' lasts {s.TotalDuration} (warm-up included), over the cap of {limits.MaxDuration}");
            }
        }
    }

    /// <summary>Runs <paramref name="scenarios"/>; <paramref name="cancellationToken"/> (Ctrl+C) stops early with a report.</summary>
    public async Task<RunResult> RunAsync(IReadOnlyList<ScenarioProps> scenarios, CancellationToken cancellationToken)
    {
        Validate(scenarios);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var startedAt = DateTimeOffset.UtcNow;
        var runStart = Stopwatch.GetTimestamp();
        var runs = new ScenarioRun[scenarios.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = new ScenarioRun(scenarios[i], i, seed, log, limits, runStart, startedAt, stop.Token);
        }

        foreach (var run in runs)
        {
            if (run.Props.Init is null)
            {
                continue;
            }

            try
            {
                await run.Props.Init(new InitContext(run, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await log.WriteLineAsync($"init of {run.Props.Name} failed: {ex}").ConfigureAwait(false);
                throw new LoadRunException($"scenario '{run.Props.Name}' init failed: {Failures.Describe(ex, cancellationToken).Message}", ex);
            }
        }

        // The global time cap, counted from when the load starts.
        stop.CancelAfter(limits.MaxDuration);
        using var samplerStop = new CancellationTokenSource();
        var sampler = new TimelineSampler(runs, observer, Stopwatch.GetTimestamp());
        var sampling = sampler.RunAsync(samplerStop.Token);
        var loadStart = Stopwatch.GetTimestamp();
        var tasks = new Task[runs.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            tasks[i] = runs[i].RunAsync();
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            await samplerStop.CancelAsync().ConfigureAwait(false);
            await sampling.ConfigureAwait(false);
        }

        var duration = (Stopwatch.GetTimestamp() - loadStart) / (double)Stopwatch.Frequency;
        foreach (var run in runs)
        {
            if (run.Props.Clean is null)
            {
                continue;
            }

            try
            {
                await run.Props.Clean(new InitContext(run, CancellationToken.None)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Clean is best effort: the measurements are already taken.
                await log.WriteLineAsync($"clean of {run.Props.Name} failed: {ex}").ConfigureAwait(false);
            }
        }

        var results = new List<ScenarioResult>(runs.Length);
        foreach (var run in runs)
        {
            var measured = run.MeasureStartTimestamp == 0 ? 0 : (run.MeasureEndTimestamp - run.MeasureStartTimestamp) / (double)Stopwatch.Frequency;
            var steps = new List<OutcomeResult>();
            foreach (var step in run.Stats.Steps())
            {
                steps.Add(OutcomeResult.From(step));
            }

            results.Add(new ScenarioResult(run.Props.Name, measured, OutcomeResult.From(run.Stats.Iterations), steps));
        }

        return new RunResult(startedAt, duration, stop.IsCancellationRequested, results, sampler.Rows);
    }
}
