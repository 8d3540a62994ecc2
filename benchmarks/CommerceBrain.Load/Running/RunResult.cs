namespace CommerceBrain.Load.Running;

/// <summary>Everything a finished (or interrupted) run measured.</summary>
internal sealed record RunResult(
    DateTimeOffset StartedAt,
    double DurationSeconds,
    bool Interrupted,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<TimelineRow> Timeline);
