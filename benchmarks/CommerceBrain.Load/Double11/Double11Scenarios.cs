namespace CommerceBrain.Load.Double11;

/// <summary>The scenario names of the Double-11 profile (also the keys of the report).</summary>
public static class Double11Scenarios
{
    /// <summary>A FAQ question in paraphrase, answered by the bot.</summary>
    public const string Faq = "faq";

    /// <summary>"Where is my order?" and the order-status form.</summary>
    public const string OrderStatus = "order_status";

    /// <summary>A refund requested through the chat's refund form.</summary>
    public const string Refund = "refund";

    /// <summary>A hand-over to a simulated agent who replies over the live stream.</summary>
    public const string Handoff = "handoff";

    /// <summary>Coupon claims: a trickle all day and a storm at the hour mark.</summary>
    public const string CouponStorm = "coupon_storm";

    /// <summary>Every scenario, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Faq, OrderStatus, Refund, Handoff, CouponStorm];
}
