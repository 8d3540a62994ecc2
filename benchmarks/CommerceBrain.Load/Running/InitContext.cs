namespace CommerceBrain.Load.Running;

/// <summary>The runner's <see cref="IScenarioInitContext"/>.</summary>
internal sealed class InitContext(ScenarioRun run, CancellationToken cancellationToken) : IScenarioInitContext
{
    /// <inheritdoc />
    public string ScenarioName => run.Props.Name;

    /// <inheritdoc />
    public IDictionary<string, object> Data => run.Data;

    /// <inheritdoc />
    public CancellationToken CancellationToken => cancellationToken;

    /// <inheritdoc />
    public TextWriter Log => run.Log;
}
