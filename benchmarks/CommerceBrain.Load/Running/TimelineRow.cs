namespace CommerceBrain.Load.Running;

/// <summary>One second of one scenario: iterations finished in it and their latency percentiles.</summary>
/// <param name="Second">Seconds since the scenario's measurement started, at the end of the bucket (1, 2, ...).</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Ok">Iterations that succeeded in the bucket.</param>
/// <param name="Failed">Iterations that failed in the bucket.</param>
/// <param name="P50Ms">Median latency of the bucket's iterations, ms (0 when none).</param>
/// <param name="P99Ms">99th percentile latency of the bucket's iterations, ms (0 when none).</param>
internal sealed record TimelineRow(int Second, string Scenario, long Ok, long Failed, double P50Ms, double P99Ms);
