namespace CommerceBrain.Commerce.Contracts;

/// <summary>A customer. <paramref name="Segment"/> is <c>new</c>, <c>regular</c> or <c>vip</c>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.customer-view")]
public sealed record CustomerView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Segment,
    [property: Id(3)] string Language,
    [property: Id(4)] DateTimeOffset JoinedAt);
