namespace CommerceBrain.Silo.Operations.Api;

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
