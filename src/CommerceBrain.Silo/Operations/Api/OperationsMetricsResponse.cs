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
