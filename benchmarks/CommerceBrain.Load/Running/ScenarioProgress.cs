namespace CommerceBrain.Load.Running;

/// <summary>What the live display shows of a scenario each second.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Phase">"warm-up", "running" or "done".</param>
/// <param name="Rps">Iterations finished in the last second.</param>
/// <param name="P50Ms">Median latency in the last second.</param>
/// <param name="P99Ms">99th percentile latency in the last second.</param>
/// <param name="Ok">Successful iterations so far.</param>
/// <param name="Failed">Failed iterations so far.</param>
/// <param name="ElapsedSeconds">Seconds since the scenario started (warm-up included).</param>
/// <param name="TotalSeconds">Planned seconds (warm-up included).</param>
internal sealed record ScenarioProgress(string Name, string Phase, double Rps, double P50Ms, double P99Ms, long Ok, long Failed,
    double ElapsedSeconds, double TotalSeconds);
