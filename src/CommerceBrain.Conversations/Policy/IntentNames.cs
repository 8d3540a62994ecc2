namespace CommerceBrain.Conversations.Policy;

/// <summary>How intents read to customers (choice labels, fallbacks) and to agents (summaries).</summary>
internal static class IntentNames
{
    // Intents the bot can act on, with the quick-reply label in English and Chinese.
    private static readonly Dictionary<string, (string En, string Zh)> Choices = new(StringComparer.Ordinal)
    {
        [Intents.OrderStatus] = ("Where is my order", "查询订单状态"),
        [Intents.RequestRefund] = ("Request a refund", "申请退款"),
        [Intents.ReturnItem] = ("Return an item", "退货"),
        [Intents.ChangeAddress] = ("Change delivery address", "修改收货地址"),
        [Intents.CouponNotWorking] = ("A coupon doesn't work", "优惠券用不了"),
        [Intents.HowToUseCoupon] = ("My coupons", "我的优惠券"),
        [Intents.HumanAgent] = ("Talk to a person", "转人工"),
        [Intents.Complaint] = ("Make a complaint", "我要投诉"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Topics = new(StringComparer.Ordinal)
    {
        ["cancel_order"] = ("cancelling an order", "取消订单"),
        ["modify_order"] = ("changing an order", "修改订单"),
        ["refund_status"] = ("a refund's progress", "退款进度"),
        ["exchange_item"] = ("an exchange", "换货"),
        ["shipping_time"] = ("shipping times", "发货时间"),
        ["delivery_problem"] = ("a delivery problem", "配送问题"),
        ["wrong_item"] = ("a wrong item", "发错货"),
        ["damaged_item"] = ("a damaged item", "商品损坏"),
        ["missing_item"] = ("a missing item", "少件漏发"),
        ["payment_failed"] = ("a failed payment", "支付失败"),
        ["payment_methods"] = ("payment methods", "支付方式"),
        ["double_charged"] = ("a double charge", "重复扣款"),
        ["invoice_request"] = ("an invoice", "发票"),
        ["promotion_rules"] = ("promotion rules", "活动规则"),
        ["price_protection"] = ("price protection", "价格保护"),
        ["account_login"] = ("logging in", "账号登录"),
        ["reset_password"] = ("resetting a password", "重置密码"),
        ["account_security"] = ("account security", "账号安全"),
        ["update_account_info"] = ("account details", "账号信息"),
        ["product_question"] = ("a product", "商品咨询"),
        ["product_availability"] = ("stock", "库存"),
        ["warranty"] = ("warranty", "保修"),
        ["seller_contact"] = ("contacting the seller", "联系卖家"),
        ["membership_points"] = ("membership points", "会员积分"),
        ["delivery_options"] = ("delivery options", "配送方式"),
        ["international_shipping"] = ("international shipping", "国际运输"),
        ["installment_payment"] = ("instalments", "分期付款"),
        ["gift_card"] = ("gift cards", "礼品卡"),
        ["review_feedback"] = ("reviews", "评价"),
    };

    // What the customer wants, as an agent's summary says it.
    private static readonly Dictionary<string, string> Goals = new(StringComparer.Ordinal)
    {
        [Intents.OrderStatus] = "asks where an order is",
        [Intents.RequestRefund] = "wants a refund",
        [Intents.ReturnItem] = "wants to return an item",
        [Intents.ChangeAddress] = "wants to change a delivery address",
        [Intents.CouponNotWorking] = "has a coupon that does not apply",
        [Intents.HowToUseCoupon] = "asks about coupons",
        [Intents.Complaint] = "has a complaint",
        [Intents.HumanAgent] = "asked for a person",
    };

    public static bool IsActionable(string intent) => Choices.ContainsKey(intent);

    /// <summary>Intents that lead to the same action (asking between them would be pointless).</summary>
    public static string Family(string intent) => intent switch
    {
        Intents.RequestRefund or Intents.ReturnItem => FormNames.Refund,
        Intents.CouponNotWorking or Intents.HowToUseCoupon => "coupons",
        _ => intent,
    };

    public static string Choice(string intent, bool zh) =>
        Choices.TryGetValue(intent, out var names) ? (zh ? names.Zh : names.En) : intent;

    public static string? Describe(string intent, bool zh) =>
        Topics.TryGetValue(intent, out var names) ? (zh ? names.Zh : names.En) : null;

    public static string Goal(string intent) =>
        Goals.TryGetValue(intent, out var goal) ? goal : "asks about " + (Describe(intent, false) ?? intent.Replace('_', ' '));

    /// <summary>The intent of a form (what "and the other one?" repeats).</summary>
    public static string OfForm(string form) => form switch
    {
        FormNames.Refund => Intents.RequestRefund,
        FormNames.ChangeAddress => Intents.ChangeAddress,
        _ => Intents.OrderStatus,
    };
}
