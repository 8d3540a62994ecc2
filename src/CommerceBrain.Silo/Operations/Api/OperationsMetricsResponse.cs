namespace CommerceBrain.Silo.Operations.Api;

/// <summary>
/// <c>GET /api/operations/metrics</c>: one point per second from <paramref name="From"/> to <paramref name="To"/> (Unix
/// seconds, both included; <paramref name="Seconds"/> lists them) for every series, the totals over that span and the
/// silos. Series are parallel arrays; null means "no value" (no sample, nothing to take a percentile of).
/// </summary>
public sealed record OperationsMetricsResponse(
    long From,
    long To,
    OperationsLinks Links,
    IReadOnlyList<long> Seconds,
    OperationsSeries Series,
    OperationsTotals Totals,
    IReadOnlyList<SiloActivity> Silos);

/// <summary>Where the other operator views are: the Orleans Dashboard (null when it is off) and the Prometheus scrape.</summary>
public sealed record OperationsLinks(string? Dashboard, string Metrics);

/// <summary>
/// The charts' series (docs/operations.md says where each number comes from). <c>AutomationRate</c>: share of the
/// sessions closed in the trailing minute that no person took part in. <c>QueueLength</c>: sessions in the agent queues
/// (all groups), the latest sample at or before the second. <c>WaitP50</c>/<c>WaitP99</c>: wait from queueing to an
/// agent attaching over the trailing minute (s). <c>HttpP99</c>: 99th-percentile request duration by route group over
/// the trailing 10 s (ms); <c>TurnP99</c>: the same for session turns. <c>Activations</c>: grain activations by silo
/// address, the latest sample at or before the second.
/// </summary>
public sealed record OperationsSeries(
    IReadOnlyList<int> SessionsOpened,
    IReadOnlyList<int> SessionsClosed,
    IReadOnlyList<int> Handoffs,
    IReadOnlyList<double?> AutomationRate,
    IReadOnlyList<int?> QueueLength,
    IReadOnlyList<double?> WaitP50,
    IReadOnlyList<double?> WaitP99,
    IReadOnlyList<int> ClaimsGranted,
    IReadOnlyList<int> ClaimsBusy,
    IReadOnlyDictionary<string, int[]> ClaimsDenied,
    IReadOnlyDictionary<string, double?[]> HttpP99,
    IReadOnlyList<double?> TurnP99,
    IReadOnlyDictionary<string, int?[]> Activations);

/// <summary>Sums over the whole span (percentiles over it), and the latest queue length.</summary>
public sealed record OperationsTotals(
    long SessionsOpened,
    long SessionsClosed,
    double? AutomationRate,
    long Handoffs,
    long SlaBreaches,
    long ClaimsGranted,
    long ClaimsDenied,
    long ClaimsBusy,
    double? WaitP50,
    double? WaitP99,
    int? QueueLength);
