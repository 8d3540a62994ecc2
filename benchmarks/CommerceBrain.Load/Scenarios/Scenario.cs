namespace CommerceBrain.Load;

/// <summary>Entry point of the scenario API, shaped like NBomber's <c>Scenario.Create</c>.</summary>
public static class Scenario
{
    /// <summary>A scenario named <paramref name="name"/> whose body runs once per iteration.</summary>
    public static ScenarioProps Create(string name, Func<IScenarioContext, Task<Response>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        return new ScenarioProps(name, run);
    }
}
