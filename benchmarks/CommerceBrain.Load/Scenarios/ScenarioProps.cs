namespace CommerceBrain.Load;

/// <summary>An immutable scenario description; each <c>With*</c> returns a copy.</summary>
public sealed record ScenarioProps
{
    /// <summary>Warm-up when the scenario says nothing (NBomber's habit, shorter).</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(10);

    internal ScenarioProps(string name, Func<IScenarioContext, Task<Response>> run)
    {
        Name = name;
        Run = run;
    }

    /// <summary>The scenario's name (unique in a run).</summary>
    public string Name { get; }

    /// <summary>The body, once per iteration.</summary>
    public Func<IScenarioContext, Task<Response>> Run { get; }

    /// <summary>Runs once before the load.</summary>
    public Func<IScenarioInitContext, Task>? Init { get; private init; }

    /// <summary>Runs once after the load.</summary>
    public Func<IScenarioInitContext, Task>? Clean { get; private init; }

    /// <summary>The load shape, one simulation after another.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; private init; } = [];

    /// <summary>How long the first simulation's shape runs before statistics start.</summary>
    public TimeSpan WarmUpDuration { get; private init; } = DefaultWarmUp;

    /// <summary>Hard bound on iterations (warm-up included); null = only the run's global cap.</summary>
    public long? MaxIterations { get; private init; }

    /// <summary>Sets the Init callback.</summary>
    public ScenarioProps WithInit(Func<IScenarioInitContext, Task> init) => this with { Init = init ?? throw new ArgumentNullException(nameof(init)) };

    /// <summary>Sets the Clean callback.</summary>
    public ScenarioProps WithClean(Func<IScenarioInitContext, Task> clean) => this with { Clean = clean ?? throw new ArgumentNullException(nameof(clean)) };

    /// <summary>Sets the load simulations, run one after another.</summary>
    public ScenarioProps WithLoadSimulations(params LoadSimulation[] simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Length == 0)
        {
            throw new ArgumentException("a scenario needs at least one load simulation", nameof(simulations));
        }

        return this with { LoadSimulations = [.. simulations] };
    }

    /// <summary>Sets the warm-up duration (0 = none).</summary>
    public ScenarioProps WithWarmUpDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return this with { WarmUpDuration = duration };
    }

    /// <summary>No warm-up: every iteration counts.</summary>
    public ScenarioProps WithoutWarmUp() => this with { WarmUpDuration = TimeSpan.Zero };

    /// <summary>Stops the scenario after <paramref name="n"/> iterations.</summary>
    public ScenarioProps WithMaxIterations(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return this with { MaxIterations = n };
    }

    /// <summary>Warm-up plus every simulation's duration.</summary>
    public TimeSpan TotalDuration
    {
        get
        {
            var total = WarmUpDuration;
            foreach (var s in LoadSimulations)
            {
                total += s.During;
            }

            return total;
        }
    }
}
