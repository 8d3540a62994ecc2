using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Tiers;

namespace CommerceBrain.Coupons.Tests.Tiers;

public sealed class CustomerFeatureReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static OrderView Order(long total, int daysAgo, OrderStatus status = OrderStatus.Delivered) =>
        new($"o{total}-{daysAgo}", "c", "m", "Shop", status, [], total, "EUR", Now.AddDays(-daysAgo), "street", null, []);

    [Fact]
    public void A_customer_without_orders_gets_the_typical_basket_and_no_recency()
    {
        var features = CustomerFeatureReader.From("new", [], Now, 4000, 0.5);

        Assert.Equal(new CustomerFeatures(CustomerSegment.New, 0, 4000, 0, 0.5), features);
    }

    [Fact]
    public void Recent_orders_count_and_average_leaving_out_cancelled_and_old_ones()
    {
        OrderView[] orders = [Order(6000, 5), Order(10000, 40), Order(99999, 7, OrderStatus.Cancelled), Order(50000, 200)];

        var features = CustomerFeatureReader.From("vip", orders, Now, 4000, 0.2);

        Assert.Equal(CustomerSegment.Vip, features.Segment);
        Assert.Equal(2, features.RecentOrders);
        Assert.Equal(8000, features.AverageOrderValue);
        Assert.Equal(5, features.DaysSinceLastOrder);
        features.Validate();
    }

    [Fact]
    public void An_unknown_segment_reads_as_a_new_customer() =>
        Assert.Equal(CustomerSegment.New, CustomerFeatureReader.From("someday", [], Now, 4000, 0.5).Segment);
}
