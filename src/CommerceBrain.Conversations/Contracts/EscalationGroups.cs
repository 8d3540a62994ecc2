namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// The skill groups an escalated session is routed to (<see cref="SessionLifecycleEvent.Group"/>), the same names as the
/// agents module's queues.
/// </summary>
public static class EscalationGroups
{
    /// <summary>Questions before buying: products, prices, promotions, coupons, payment methods.</summary>
    public const string PreSales = "pre-sales";

    /// <summary>Orders after purchase: delivery, returns, refunds, exchanges.</summary>
    public const string AfterSales = "after-sales";

    /// <summary>Complaints and disputes between customer and shop.</summary>
    public const string Disputes = "disputes";

    /// <summary>Sessions opened by or about a merchant's shop operations.</summary>
    public const string MerchantSupport = "merchant-support";

    /// <summary>Every group, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [PreSales, AfterSales, Disputes, MerchantSupport];

    private static readonly HashSet<string> DisputeIntents = new(StringComparer.Ordinal)
    {
        "complaint", "dispute", "open_dispute", "double_charged", "price_protection",
    };

    private static readonly HashSet<string> AfterSalesIntents = new(StringComparer.Ordinal)
    {
        "order_status", "request_refund", "refund_status", "return_item", "exchange_item", "change_address", "cancel_order",
        "modify_order", "shipping_time", "delivery_problem", "wrong_item", "damaged_item", "missing_item", "invoice_request",
    };

    /// <summary>
    /// The group an escalated session goes to, from its packet alone (pure, so a rebuilt session routes the same way):
    /// merchants to merchant support; complaints and money disputes to disputes; anything about an order the customer
    /// already has to after-sales; the rest (products, prices, coupons, payment) to pre-sales. A later intent wins over
    /// an earlier one except that a dispute anywhere in the session wins.
    /// </summary>
    public static string For(HandoffPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (string.Equals(packet.CustomerSegment, "merchant", StringComparison.OrdinalIgnoreCase)
            || packet.Intents.Any(i => i.StartsWith("merchant_", StringComparison.Ordinal)))
        {
            return MerchantSupport;
        }

        if (packet.Intents.Any(DisputeIntents.Contains))
        {
            return Disputes;
        }

        return packet.Intents.Any(AfterSalesIntents.Contains) || packet.OrdersTouched.Count > 0 ? AfterSales : PreSales;
    }
}
