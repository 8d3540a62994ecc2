using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>Turns a <see cref="DemoDataSet"/> into table rows, parents before children.</summary>
internal static class SeedTables
{
    public static IReadOnlyList<SeedTable> From(DemoDataSet data) =>
    [
        new(CommerceTables.Merchants, ["merchant_id", "name", "category", "created_at_ms"],
            data.Merchants.Select(m => new object?[] { m.MerchantId, m.Name, m.Category, m.CreatedAtMs }).ToList()),
        new(CommerceTables.MerchantFaqs, ["merchant_id", "faq_id", "position", "language", "question", "answer"],
            data.FaqRows.Select(f => new object?[] { f.MerchantId, f.FaqId, f.Position, f.Language, f.Question, f.Answer }).ToList()),
        new(CommerceTables.Products, ["sku", "merchant_id", "title", "price_minor", "currency"],
            data.Products.Select(p => new object?[] { p.Sku, p.MerchantId, p.Title, p.PriceMinor, p.Currency }).ToList()),
        new(CommerceTables.Customers, ["customer_id", "display_name", "segment", "language", "joined_at_ms"],
            data.Customers.Select(c => new object?[] { c.CustomerId, c.DisplayName, c.Segment, c.Language, c.JoinedAtMs }).ToList()),
        new(CommerceTables.Orders, ["order_id", "customer_id", "merchant_id", "status", "total_minor", "currency", "placed_at_ms", "shipping_address", "request_id", "updated_at_ms"],
            data.Orders.Select(o => new object?[] { o.OrderId, o.CustomerId, o.MerchantId, o.Status, o.TotalMinor, o.Currency, o.PlacedAtMs, o.ShippingAddress, o.RequestId, o.UpdatedAtMs }).ToList()),
        new(CommerceTables.OrderItems, ["order_id", "line_no", "sku", "title", "quantity", "unit_price_minor"],
            data.Items.Select(i => new object?[] { i.OrderId, i.LineNo, i.Sku, i.Title, i.Quantity, i.UnitPriceMinor }).ToList()),
        new(CommerceTables.Shipments, ["order_id", "carrier", "tracking_number", "shipped_at_ms", "estimated_delivery_at_ms"],
            data.Shipments.Select(s => new object?[] { s.OrderId, s.Carrier, s.TrackingNumber, s.ShippedAtMs, s.EstimatedDeliveryAtMs }).ToList()),
        new(CommerceTables.TrackingEvents, ["order_id", "seq", "at_ms", "location", "description"],
            data.TrackingEvents.Select(e => new object?[] { e.OrderId, e.Seq, e.AtMs, e.Location, e.Description }).ToList()),
        new(CommerceTables.Refunds, ["refund_id", "order_id", "sku", "amount_minor", "reason", "status", "request_id", "requested_at_ms"],
            data.Refunds.Select(r => new object?[] { r.RefundId, r.OrderId, r.Sku, r.AmountMinor, r.Reason, r.Status, r.RequestId, r.RequestedAtMs }).ToList()),
        new(CommerceTables.CustomerCoupons, ["coupon_id", "customer_id", "title", "face_value_minor", "min_spend_minor", "merchant_id", "expires_at_ms", "status"],
            data.Coupons.Select(c => new object?[] { c.CouponId, c.CustomerId, c.Title, c.FaceValueMinor, c.MinSpendMinor, c.MerchantId, c.ExpiresAtMs, c.Status }).ToList()),
    ];
}
