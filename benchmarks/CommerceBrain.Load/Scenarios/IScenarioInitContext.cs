namespace CommerceBrain.Load;

/// <summary>What a scenario's Init and Clean see.</summary>
public interface IScenarioInitContext
{
    /// <summary>The scenario's name.</summary>
    string ScenarioName { get; }

    /// <summary>Per-scenario shared state the iterations see as <see cref="IScenarioContext.Data"/>.</summary>
    IDictionary<string, object> Data { get; }

    /// <summary>Cancelled on Ctrl+C.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The run's log file.</summary>
    TextWriter Log { get; }
}
