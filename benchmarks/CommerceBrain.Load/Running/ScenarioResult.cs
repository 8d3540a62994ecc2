namespace CommerceBrain.Load.Running;

/// <summary>One scenario's measured outcome.</summary>
internal sealed record ScenarioResult(string Name, double MeasuredSeconds, OutcomeResult Iterations, IReadOnlyList<OutcomeResult> Steps);
