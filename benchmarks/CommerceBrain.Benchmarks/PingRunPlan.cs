namespace CommerceBrain.Benchmarks;

/// <summary>
/// What one caller grain does in a measured run: <see cref="InFlight"/> concurrent call loops over its share of the
/// <see cref="Keys"/> target keys, until <see cref="Deadline"/>.
/// </summary>
/// <param name="Keys">Target keys 0..Keys-1, shared out among all loops of all callers.</param>
/// <param name="Callers">How many caller grains run at once (keys 0..Callers-1).</param>
/// <param name="InFlight">Call loops per caller, i.e. the most calls it has outstanding.</param>
/// <param name="Deadline">When every loop stops calling: one instant for all callers, so a caller that starts late does not
/// stretch the run with fewer callers busy.</param>
[GenerateSerializer]
[Immutable]
[Alias("bench.ping-run-plan")]
public sealed record PingRunPlan(
    [property: Id(0)] int Keys,
    [property: Id(1)] int Callers,
    [property: Id(2)] int InFlight,
    [property: Id(3)] DateTime Deadline);
