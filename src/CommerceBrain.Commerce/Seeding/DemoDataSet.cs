using CommerceBrain.Commerce.Storage;
using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>Generated demo rows of every commerce table, and each shop's FAQ as the NLU module takes it.</summary>
internal sealed record DemoDataSet(
    IReadOnlyList<MerchantRow> Merchants,
    IReadOnlyDictionary<string, IReadOnlyList<MerchantFaqPair>> Faqs,
    IReadOnlyList<MerchantFaqRow> FaqRows,
    IReadOnlyList<ProductRow> Products,
    IReadOnlyList<CustomerRow> Customers,
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<OrderItemRow> Items,
    IReadOnlyList<ShipmentRow> Shipments,
    IReadOnlyList<TrackingEventRow> TrackingEvents,
    IReadOnlyList<RefundRow> Refunds,
    IReadOnlyList<CouponRow> Coupons);
