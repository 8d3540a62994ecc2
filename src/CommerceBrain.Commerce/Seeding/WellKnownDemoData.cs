using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// The demo customers, orders and coupons that docs/commerce.md names and tests and the chat page rely on. Their ids
/// and statuses never change with the generator's random draws (products and tracking details may).
/// </summary>
public static class WellKnownDemoData
{
    /// <summary>An English-speaking VIP with an order in every status, one of them high-value, and coupons (see docs/commerce.md).</summary>
    public const string Alice = "c-00001";

    /// <summary>A Chinese-speaking regular customer with a shipped order and a contested refund.</summary>
    public const string WangFang = "c-00002";

    /// <summary>A new customer with a single paid order.</summary>
    public const string Ben = "c-00003";

    /// <summary>Alice's order waiting to ship (its address may still change).</summary>
    public const string AlicePaidOrder = "2026111100001";

    /// <summary>Alice's order not paid yet.</summary>
    public const string AlicePendingOrder = "2026111100002";

    /// <summary>Alice's order on its way (SF Express, in transit).</summary>
    public const string AliceShippedOrder = "2026111000001";

    /// <summary>Alice's high-value order (a ¥12,999.00 laptop), delivered.</summary>
    public const string AliceHighValueOrder = "2026110500001";

    /// <summary>Alice's completed order of two items (one may be returned).</summary>
    public const string AliceCompletedOrder = "2026102000001";

    /// <summary>Alice's cancelled order.</summary>
    public const string AliceCancelledOrder = "2026090100001";

    /// <summary>Alice's refunded order (whole-order refund paid).</summary>
    public const string AliceRefundedOrder = "2026081500001";

    /// <summary>Wang Fang's order in transit.</summary>
    public const string WangFangShippedOrder = "2026110900001";

    /// <summary>Wang Fang's completed order with a contested item refund.</summary>
    public const string WangFangContestedOrder = "2026110100001";

    /// <summary>Wang Fang's paid order.</summary>
    public const string WangFangPaidOrder = "2026111100003";

    /// <summary>Ben's only order, paid.</summary>
    public const string BenPaidOrder = "2026111100004";

    /// <summary>The high-value product of Alice's high-value order.</summary>
    public const string HighValueSku = "sku-00001";

    /// <summary>Customers c-00001…c-00010 get no generated orders, so their order lists stay as documented.</summary>
    internal const int ReservedCustomers = 10;

    internal static ProductRow HighValueProduct { get; } = new()
    {
        Sku = HighValueSku,
        MerchantId = "m-001",
        Title = "Lumi UltraBook 14 Pro Laptop 32GB/1TB",
        PriceMinor = 1_299_900,
        Currency = "CNY",
    };

    internal static IReadOnlyList<(CustomerRow Customer, string Address)> Customers { get; } =
    [
        (Customer(Alice, "Alice Chen", "vip", "en", 2023, 3, 14), "Room 1203, Building 5, 88 Huaihai Road, Xuhui District, Shanghai"),
        (Customer(WangFang, "王芳", "regular", "zh", 2024, 6, 1), "杭州市西湖区文一路100号3栋502室"),
        (Customer(Ben, "Ben Miller", "new", "en", 2026, 11, 2), "Room 801, Building 2, 15 Jianguo Road, Chaoyang District, Beijing"),
    ];

    internal static IReadOnlyList<CouponRow> Coupons { get; } =
    [
        Coupon("cp-000001", Alice, "¥20 off orders over ¥199", 20, 199, null, new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero), CouponStatus.Available),
        Coupon("cp-000002", Alice, "Lumi Electronics: ¥100 off ¥999", 100, 999, "m-001", new DateTimeOffset(2027, 1, 31, 15, 59, 0, TimeSpan.Zero), CouponStatus.Available),
        Coupon("cp-000003", Alice, "¥10 off orders over ¥99", 10, 99, null, new DateTimeOffset(2026, 11, 11, 15, 59, 0, TimeSpan.Zero), CouponStatus.Used),
        Coupon("cp-000004", Alice, "Snack Barn: ¥5 off ¥49", 5, 49, "m-021", new DateTimeOffset(2026, 10, 31, 15, 59, 0, TimeSpan.Zero), CouponStatus.Expired),
        Coupon("cp-000005", WangFang, "¥30 off orders over ¥299", 30, 299, null, new DateTimeOffset(2027, 2, 28, 15, 59, 0, TimeSpan.Zero), CouponStatus.Available),
    ];

    internal static void AddOrders(OrderBuilder builder, IReadOnlyDictionary<string, string> addresses)
    {
        var alice = addresses[Alice];
        var wang = addresses[WangFang];
        builder.Add(AlicePaidOrder, Alice, builder.Merchant("m-008"), OrderStatus.Paid, At(2026, 11, 11, 2, 15), alice, 2, chinese: false);
        builder.Add(AlicePendingOrder, Alice, builder.Merchant("m-021"), OrderStatus.PendingPayment, At(2026, 11, 11, 9, 40), alice, 1, chinese: false);
        builder.Add(AliceShippedOrder, Alice, builder.Merchant("m-005"), OrderStatus.Shipped, At(2026, 11, 10, 1, 5), alice, 1, chinese: false);
        builder.Add(AliceHighValueOrder, Alice, builder.Merchant("m-001"), OrderStatus.Delivered, At(2026, 11, 5, 6, 30), alice,
            [(HighValueProduct, 1)], chinese: false);
        builder.Add(AliceCompletedOrder, Alice, builder.Merchant("m-025"), OrderStatus.Completed, At(2026, 10, 20, 11, 0), alice, 2, chinese: false);
        builder.Add(AliceCancelledOrder, Alice, builder.Merchant("m-012"), OrderStatus.Cancelled, At(2026, 9, 1, 8, 20), alice, 1, chinese: false);
        var refunded = builder.Add(AliceRefundedOrder, Alice, builder.Merchant("m-018"), OrderStatus.Refunded, At(2026, 8, 15, 13, 45), alice, 1, chinese: false);
        builder.AddRefund(refunded, null, "Item arrived damaged", RefundStatus.Paid);

        builder.Add(WangFangShippedOrder, WangFang, builder.Merchant("m-026"), OrderStatus.Shipped, At(2026, 11, 9, 3, 0), wang, 1, chinese: true);
        var contested = builder.Add(WangFangContestedOrder, WangFang, builder.Merchant("m-011"), OrderStatus.Completed, At(2026, 11, 1, 4, 10), wang, 2, chinese: true);
        builder.AddRefund(contested, contested.Lines[0].Sku, "Not as described", RefundStatus.Contested);
        builder.Add(WangFangPaidOrder, WangFang, builder.Merchant("m-043"), OrderStatus.Paid, At(2026, 11, 11, 10, 5), wang, 1, chinese: true);

        builder.Add(BenPaidOrder, Ben, builder.Merchant("m-002"), OrderStatus.Paid, At(2026, 11, 11, 12, 0), addresses[Ben], 1, chinese: false);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static CustomerRow Customer(string id, string name, string segment, string language, int year, int month, int day) => new()
    {
        CustomerId = id,
        DisplayName = name,
        Segment = segment,
        Language = language,
        JoinedAtMs = new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
    };

    private static CouponRow Coupon(string id, string customerId, string title, int faceYuan, int minSpendYuan, string? merchantId,
        DateTimeOffset expiresAt, CouponStatus status) => new()
    {
        CouponId = id,
        CustomerId = customerId,
        Title = title,
        FaceValueMinor = faceYuan * 100L,
        MinSpendMinor = minSpendYuan * 100L,
        MerchantId = merchantId,
        ExpiresAtMs = expiresAt.ToUnixTimeMilliseconds(),
        Status = StoredNames.Of(status),
    };
}
