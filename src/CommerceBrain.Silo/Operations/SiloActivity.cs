namespace CommerceBrain.Silo.Operations;

/// <summary>
/// A silo as the page lists it: membership status and activations from Orleans' management grain (null when the silo is
/// not an active member), and whether it still pushes its metrics.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.silo-activity")]
public sealed record SiloActivity(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int? Activations,
    [property: Id(4)] long? LastReportSecond,
    [property: Id(5)] bool Reporting);
