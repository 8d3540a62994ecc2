namespace CommerceBrain.Commerce.Contracts;

/// <summary>One scan or status event of a shipment, as the carrier reported it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.tracking-event")]
public sealed record TrackingEventView(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Location,
    [property: Id(2)] string Description);
