namespace CommerceBrain.Load;

/// <summary>What a scenario body sees of the iteration it is running.</summary>
public interface IScenarioContext
{
    /// <summary>The scenario's name.</summary>
    string ScenarioName { get; }

    /// <summary>0-based iteration counter of this scenario (warm-up iterations included).</summary>
    long InvocationNumber { get; }

    /// <summary>Closed model: which copy runs this iteration; open model: 0.</summary>
    int ScenarioCopyNumber { get; }

    /// <summary>When the schedule wanted this iteration to start (open model); its actual start in the closed model.</summary>
    DateTimeOffset IntendedStart { get; }

    /// <summary>Per-copy random numbers (per-iteration in the open model), seeded from the run's --seed.</summary>
    Random Random { get; }

    /// <summary>Cancelled when the run stops (end of the schedule, Ctrl+C, the global time cap).</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Per-scenario shared state filled by Init; thread-safety of the values is the body's job.</summary>
    IDictionary<string, object> Data { get; }

    /// <summary>The run's log file (not the live console).</summary>
    TextWriter Log { get; }
}
