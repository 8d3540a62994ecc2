namespace CommerceBrain.Conversations.Policy;

/// <summary>The intent labels of the language engine the policy acts on (see <c>src/CommerceBrain.Nlu/Data/README.md</c>).</summary>
public static class Intents
{
    public const string OutOfScope = "oos";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string HumanAgent = "human_agent";
    public const string OrderStatus = "order_status";
    public const string RequestRefund = "request_refund";
    public const string ReturnItem = "return_item";
    public const string ChangeAddress = "change_address";
    public const string CouponNotWorking = "coupon_not_working";
    public const string HowToUseCoupon = "how_to_use_coupon";
    public const string Complaint = "complaint";
}
