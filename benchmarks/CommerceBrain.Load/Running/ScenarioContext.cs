using System.Diagnostics;

namespace CommerceBrain.Load.Running;

/// <summary>
/// The runner's <see cref="IScenarioContext"/>. Closed model: one per copy, reused for its iterations; open model: one per
/// released iteration, queued to the thread pool as its own work item (no delegate allocated per iteration).
/// </summary>
internal sealed class ScenarioContext : IScenarioContext, IThreadPoolWorkItem
{
    private readonly ScenarioRun run;
    private Random? random;
    private int stepsTaken;

    /// <summary>Creates a context of <paramref name="run"/> for copy <paramref name="copyNumber"/>.</summary>
    public ScenarioContext(ScenarioRun run, int copyNumber, bool openModel)
    {
        this.run = run;
        ScenarioCopyNumber = copyNumber;
        OpenModel = openModel;
    }

    /// <inheritdoc />
    public string ScenarioName => run.Props.Name;

    /// <inheritdoc />
    public long InvocationNumber { get; private set; }

    /// <inheritdoc />
    public int ScenarioCopyNumber { get; }

    /// <summary>True in the open model, where the first step is timed from the intended start.</summary>
    public bool OpenModel { get; }

    /// <summary>Stopwatch timestamp of the intended start.</summary>
    public long IntendedTimestamp { get; private set; }

    /// <summary>Whether this iteration counts (started after the warm-up).</summary>
    public bool Measured { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset IntendedStart => run.WallClockAt(IntendedTimestamp);

    /// <inheritdoc />
    public Random Random
    {
        get
        {
            // Closed model: one generator per copy. Open model: a context serves one iteration and iterations run
            // concurrently, so each gets its own, created only if the body asks, seeded from (seed, scenario, invocation).
            return random ??= OpenModel
                ? new Random(HashCode.Combine(run.Seed, run.Index, InvocationNumber))
                : new Random(HashCode.Combine(run.Seed, run.Index, ScenarioCopyNumber, -1));
        }
    }

    /// <inheritdoc />
    public CancellationToken CancellationToken => run.Token;

    /// <inheritdoc />
    public IDictionary<string, object> Data => run.Data;

    /// <inheritdoc />
    public TextWriter Log => run.Log;

    /// <summary>The scenario statistics this iteration records into.</summary>
    internal ScenarioStats Stats => run.Stats;

    /// <summary>Prepares the context for its next iteration.</summary>
    public void Begin(long invocationNumber, long intendedTimestamp, bool measured)
    {
        InvocationNumber = invocationNumber;
        IntendedTimestamp = intendedTimestamp;
        Measured = measured;
        stepsTaken = 0;
    }

    /// <summary>Where the next step's latency starts (the intended start for the first step of an open-model iteration).</summary>
    public long TakeStepStart()
    {
        var first = Interlocked.Increment(ref stepsTaken) == 1;
        return LatencyClock.MeasurementStart(OpenModel, first, IntendedTimestamp, Stopwatch.GetTimestamp());
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute() => _ = run.RunReleasedAsync(this);
}
