using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// Adds one demo order with its lines, and for shipped ones a shipment with tracking events that fit the status
/// (in transit, out for delivery, delivered); refunds are added on top.
/// </summary>
internal sealed class OrderBuilder(
    List<OrderRow> orders,
    List<OrderItemRow> items,
    List<ShipmentRow> shipments,
    List<TrackingEventRow> events,
    List<RefundRow> refunds,
    IReadOnlyList<DemoMerchant> merchants,
    IReadOnlyDictionary<string, List<ProductRow>> products,
    Random random)
{
    private readonly Dictionary<string, int> _refundCounts = new(StringComparer.Ordinal);

    public IReadOnlyList<DemoMerchant> Merchants => merchants;

    public DemoMerchant Merchant(string merchantId) => merchants.First(m => m.MerchantId == merchantId);

    /// <summary>Adds an order of <paramref name="lineCount"/> random products of the merchant.</summary>
    public DemoOrder Add(string orderId, string customerId, DemoMerchant merchant, OrderStatus status, DateTimeOffset placedAt, string address,
        int lineCount, bool chinese)
    {
        var catalogue = products[merchant.MerchantId];
        var picked = new List<ProductRow>();
        for (var i = 0; i < lineCount && picked.Count < catalogue.Count; i++)
        {
            var product = catalogue[random.Next(catalogue.Count)];
            if (!picked.Contains(product))
            {
                picked.Add(product);
            }
        }

        return Add(orderId, customerId, merchant, status, placedAt, address, picked.Select(p => (p, random.Next(1, 4) == 3 ? 2 : 1)).ToList(), chinese);
    }

    /// <summary>Adds an order of the given products and quantities.</summary>
    public DemoOrder Add(string orderId, string customerId, DemoMerchant merchant, OrderStatus status, DateTimeOffset placedAt, string address,
        IReadOnlyList<(ProductRow Product, int Quantity)> lines, bool chinese)
    {
        var lineRows = lines.Select((l, i) => new OrderItemRow
        {
            OrderId = orderId,
            LineNo = i + 1,
            Sku = l.Product.Sku,
            Title = l.Product.Title,
            Quantity = l.Quantity,
            UnitPriceMinor = l.Product.PriceMinor,
        }).ToList();
        var placedMs = placedAt.ToUnixTimeMilliseconds();
        var row = new OrderRow
        {
            OrderId = orderId,
            CustomerId = customerId,
            MerchantId = merchant.MerchantId,
            Status = StoredNames.Of(status),
            TotalMinor = lineRows.Sum(l => l.UnitPriceMinor * l.Quantity),
            Currency = "CNY",
            PlacedAtMs = placedMs,
            ShippingAddress = address,
            UpdatedAtMs = placedMs,
        };
        orders.Add(row);
        items.AddRange(lineRows);

        var shipped = status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed
            || (status == OrderStatus.Refunded && random.Next(2) == 0);
        if (shipped)
        {
            AddShipment(row, merchant, placedAt, address, delivered: status != OrderStatus.Shipped, chinese);
        }

        return new DemoOrder(row, lineRows, 0);
    }

    /// <summary>Adds a refund for one line (<paramref name="sku"/>) or the whole order.</summary>
    public RefundRow AddRefund(DemoOrder order, string? sku, string reason, RefundStatus status)
    {
        var n = _refundCounts.TryGetValue(order.Row.OrderId, out var c) ? c + 1 : 1;
        _refundCounts[order.Row.OrderId] = n;
        var line = sku is null ? null : order.Lines.First(l => l.Sku == sku);
        var refund = new RefundRow
        {
            RefundId = $"rf-{order.Row.OrderId}-{n}",
            OrderId = order.Row.OrderId,
            Sku = sku,
            AmountMinor = line is null ? order.Row.TotalMinor : line.UnitPriceMinor * line.Quantity,
            Reason = reason,
            Status = StoredNames.Of(status),
            RequestId = $"seed-{order.Row.OrderId}-{n}",
            RequestedAtMs = order.Row.PlacedAtMs + (long)TimeSpan.FromDays(4 + random.Next(6)).TotalMilliseconds,
        };
        refunds.Add(refund);
        return refund;
    }

    private void AddShipment(OrderRow order, DemoMerchant merchant, DateTimeOffset placedAt, string address, bool delivered, bool chinese)
    {
        var carrier = DemoWords.Carriers[random.Next(DemoWords.Carriers.Length)];
        var shippedAt = placedAt.AddHours(4 + random.Next(26));
        var destination = DestinationCity(address);
        var sameCity = string.Equals(destination, merchant.City, StringComparison.Ordinal);
        var steps = new List<(DateTimeOffset At, string Location, string Description)>
        {
            (shippedAt, merchant.City, chinese ? $"{carrier}快递员已揽收" : $"Picked up by {carrier} courier"),
            (shippedAt.AddHours(3 + random.Next(5)), $"{merchant.City} sorting centre", chinese ? "快件已从分拣中心发出" : "Departed sorting centre"),
        };
        if (!sameCity)
        {
            steps.Add((steps[^1].At.AddHours(14 + random.Next(30)), $"{destination} transit hub", chinese ? "快件已到达转运中心" : "Arrived at transit hub"));
        }

        // A shipped order is somewhere on its way: keep only the scans it has reached, and sometimes the last-mile scan.
        var reached = delivered ? steps.Count : 1 + random.Next(steps.Count);
        steps = steps.Take(reached).ToList();
        if (delivered || random.Next(3) == 0)
        {
            steps.Add((steps[^1].At.AddHours(6 + random.Next(12)), destination, chinese ? "快件正在派送中" : "Out for delivery"));
        }

        if (delivered)
        {
            var locker = random.Next(3) == 0;
            steps.Add((steps[^1].At.AddHours(1 + random.Next(6)), destination,
                chinese ? (locker ? "已签收，快件已放入快递柜" : "已签收，签收人：本人") : (locker ? "Delivered to parcel locker" : "Delivered, signed for by recipient")));
        }

        shipments.Add(new ShipmentRow
        {
            OrderId = order.OrderId,
            Carrier = carrier,
            TrackingNumber = TrackingNumber(carrier),
            ShippedAtMs = shippedAt.ToUnixTimeMilliseconds(),
            EstimatedDeliveryAtMs = shippedAt.AddDays(sameCity ? 1 : 3).ToUnixTimeMilliseconds(),
        });
        events.AddRange(steps.Select((s, i) => new TrackingEventRow
        {
            OrderId = order.OrderId,
            Seq = i + 1,
            AtMs = s.At.ToUnixTimeMilliseconds(),
            Location = s.Location,
            Description = s.Description,
        }));
    }

    private string TrackingNumber(string carrier)
    {
        var prefix = carrier switch
        {
            "SF Express" => "SF",
            "YTO Express" => "YT",
            "ZTO Express" => "ZT",
            "JD Logistics" => "JD",
            "Yunda Express" => "YD",
            "STO Express" => "ST",
            _ => "EM",
        };
        return prefix + random.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DestinationCity(string address)
    {
        foreach (var (en, zh) in DemoWords.Cities)
        {
            if (address.EndsWith(en, StringComparison.Ordinal) || address.StartsWith(zh, StringComparison.Ordinal))
            {
                return en;
            }
        }

        return "Shanghai";
    }
}
