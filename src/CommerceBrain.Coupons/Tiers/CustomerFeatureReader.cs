using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>Builds the optimiser's <see cref="CustomerFeatures"/> from what the commerce module knows of a customer.</summary>
public static class CustomerFeatureReader
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(90);

    /// <summary>
    /// Features from <paramref name="segment"/> and <paramref name="orders"/> (the customer's recent orders, any order):
    /// orders of the last 90 days, their average value (<paramref name="typicalBasket"/> without any), days since the last.
    /// </summary>
    public static CustomerFeatures From(string segment, IReadOnlyList<OrderView> orders, DateTimeOffset now, long typicalBasket,
        double priceSensitivity)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var recent = orders.Where(o => o.PlacedAt >= now - Recent && o.Status != OrderStatus.Cancelled).ToList();
        var average = recent.Count > 0 ? Math.Max(1, (long)recent.Average(o => o.TotalMinor)) : typicalBasket;
        var days = orders.Count > 0 ? Math.Max(0, (int)(now - orders.Max(o => o.PlacedAt)).TotalDays) : 0;
        var kind = segment switch
        {
            CustomerSegments.Vip => CustomerSegment.Vip,
            CustomerSegments.Regular => CustomerSegment.Regular,
            _ => CustomerSegment.New,
        };
        return new CustomerFeatures(kind, recent.Count, average, days, Math.Clamp(priceSensitivity, 0, 1));
    }
}
