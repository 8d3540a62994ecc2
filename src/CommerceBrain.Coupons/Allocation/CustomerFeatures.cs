namespace CommerceBrain.Coupons.Allocation;

/// <summary>What the conversion model knows about a customer when a coupon is decided. No personal data.</summary>
/// <param name="Segment">Lifecycle segment.</param>
/// <param name="RecentOrders">Orders in the last 90 days.</param>
/// <param name="AverageOrderValue">Average order value in minor currency units (the catalogue's typical basket for a new customer).</param>
/// <param name="DaysSinceLastOrder">Days since the last order (0 for a new customer).</param>
/// <param name="PriceSensitivity">0 (indifferent to price) … 1 (buys only on discount), e.g. the share of past orders with a discount.</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Coupons.Allocation.CustomerFeatures")]
public readonly record struct CustomerFeatures(
    [property: Id(0)] CustomerSegment Segment,
    [property: Id(1)] int RecentOrders,
    [property: Id(2)] long AverageOrderValue,
    [property: Id(3)] int DaysSinceLastOrder,
    [property: Id(4)] double PriceSensitivity)
{
    /// <summary>Throws when a field is outside its range (the model was not trained there).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RecentOrders);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AverageOrderValue);
        ArgumentOutOfRangeException.ThrowIfNegative(DaysSinceLastOrder);
        if (!(PriceSensitivity is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(PriceSensitivity), PriceSensitivity, "Price sensitivity is in [0, 1].");
        if (!Enum.IsDefined(Segment))
            throw new ArgumentOutOfRangeException(nameof(Segment), Segment, "Unknown segment.");
    }
}
