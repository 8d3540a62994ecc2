namespace CommerceBrain.Silo.Operations.Api;

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
