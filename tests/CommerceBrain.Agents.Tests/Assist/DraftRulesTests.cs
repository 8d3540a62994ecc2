using CommerceBrain.Agents.Assist;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Tests.Assist;

public class DraftRulesTests
{
    private const string Customer = "c-00001";

    private static DraftFacts Facts(long? orderValueMinor = 12_000, string currency = "CNY", string? reasonCode = null,
        params (string Order, string Owner)[] owners) =>
        new(Customer, orderValueMinor, orderValueMinor is null ? null : currency,
            owners.ToDictionary(o => o.Order, o => o.Owner, StringComparer.Ordinal), reasonCode);

    private static IReadOnlyList<string> Codes(string text, DraftFacts? facts = null) =>
        DraftRules.Review(text, facts ?? Facts()).Select(w => w.Code).ToArray();

    [Theory]
    [InlineData("Thank you for waiting, Alice. I have checked your order and it will arrive tomorrow.")]
    [InlineData("Sorry for the trouble! Whatever you need, I am here to help.")]
    [InlineData("Your SF Express parcel is in transit; the VIP hotline is open 24h.")]
    [InlineData("您好，王芳，非常抱歉让您久等了，您的包裹明天送达。")]
    [InlineData("请向下滚动页面查看物流信息，谢谢！")]
    public void Ordinary_polite_text_raises_no_warning(string text) => Assert.Empty(Codes(text));

    [Theory]
    [InlineData("Are you stupid? I already told you.", WarningCodes.Critical)]
    [InlineData("Shut up and wait.", WarningCodes.Critical)]
    [InlineData("That's not my problem, deal with it.", WarningCodes.Warning)]
    [InlineData("你是白痴吗，自己看物流。", WarningCodes.Critical)]
    [InlineData("爱买不买。", WarningCodes.Warning)]
    public void Insults_and_dismissive_phrases_are_rude(string text, string severity)
    {
        var warning = Assert.Single(DraftRules.Review(text, Facts()), w => w.Code == WarningCodes.Rude);
        Assert.Equal(severity, warning.Severity);
    }

    [Theory]
    [InlineData("I TOLD YOU THE PARCEL IS ON ITS WAY")]
    [InlineData("Please wait!!")]
    [InlineData("请等一下！！")]
    [InlineData("Wait! Check! Now!")]
    public void Shouting_is_rude(string text) => Assert.Contains(WarningCodes.Rude, Codes(text));

    [Theory]
    [InlineData("I will refund ¥150 to your card.")]
    [InlineData("We can offer 150 yuan as compensation.")]
    [InlineData("我们会给您补偿200元。")]
    [InlineData("可以为您退款 ￥1,299.00。")]
    public void A_promise_above_the_order_value_is_flagged(string text)
    {
        var warning = Assert.Single(DraftRules.Review(text, Facts(reasonCode: "late-delivery")));
        Assert.Equal(WarningCodes.PromiseOverOrderValue, warning.Code);
        Assert.Equal(WarningCodes.Critical, warning.Severity);
    }

    [Theory]
    [InlineData("I will refund ¥120 to your card.")]
    [InlineData("We can offer 50 yuan as compensation.")]
    [InlineData("我们会给您补偿20元。")]
    [InlineData("I can't refund ¥500, sorry.")]
    [InlineData("Your order total was ¥300.")]
    public void A_promise_within_the_order_value_or_no_promise_is_not_flagged(string text) =>
        Assert.DoesNotContain(WarningCodes.PromiseOverOrderValue, Codes(text, Facts(reasonCode: "late-delivery")));

    [Fact]
    public void Amounts_in_another_currency_or_without_a_known_order_value_are_not_compared()
    {
        Assert.DoesNotContain(WarningCodes.PromiseOverOrderValue, Codes("I will refund $500.", Facts(reasonCode: "goodwill")));
        Assert.DoesNotContain(WarningCodes.PromiseOverOrderValue, Codes("I will refund ¥500.", Facts(orderValueMinor: null, reasonCode: "goodwill")));
        Assert.Contains(WarningCodes.PromiseOverOrderValue, Codes("I will refund $12.50.", Facts(orderValueMinor: 1_000, currency: "USD", reasonCode: "goodwill")));
    }

    [Theory]
    [InlineData("I'll send you a voucher for the delay.")]
    [InlineData("We will compensate you with store credit.")]
    [InlineData("我们可以给您发一张优惠券作为补偿。")]
    [InlineData("为您申请退款10元。")]
    public void Compensation_without_a_reason_code_is_flagged(string text)
    {
        Assert.Contains(WarningCodes.CompensationWithoutReason, Codes(text));
        Assert.DoesNotContain(WarningCodes.CompensationWithoutReason, Codes(text, Facts(reasonCode: "late-delivery")));
    }

    [Theory]
    [InlineData("Your refund was rejected by the shop, I'm afraid we cannot refund it.")]
    [InlineData("Refunds usually take 3-5 working days to reach your card.")]
    [InlineData("很抱歉，这个订单无法退款。")]
    public void Talking_about_refunds_without_promising_needs_no_reason_code(string text) =>
        Assert.DoesNotContain(WarningCodes.CompensationWithoutReason, Codes(text));

    [Fact]
    public void An_unknown_reason_code_is_named_in_the_warning()
    {
        var warning = Assert.Single(DraftRules.Review("I'll send you a voucher.", Facts(reasonCode: "because")));
        Assert.Equal(WarningCodes.CompensationWithoutReason, warning.Code);
        Assert.Contains("because", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Your card 4111 1111 1111 1111 was charged.", WarningCodes.Critical)]
    [InlineData("身份证号 11010519491231002X 已核实。", WarningCodes.Critical)]
    [InlineData("I will call you at 13812345678.", WarningCodes.Warning)]
    [InlineData("我们已发邮件到 alice.chen@example.com。", WarningCodes.Warning)]
    public void Personal_data_written_out_is_flagged(string text, string severity)
    {
        var warning = Assert.Single(DraftRules.Review(text, Facts()));
        Assert.Equal(WarningCodes.PersonalData, warning.Code);
        Assert.Equal(severity, warning.Severity);
    }

    [Theory]
    [InlineData("Your order 2026111100001 ships tomorrow.")]
    [InlineData("Your card ending in 1111 was charged.")]
    [InlineData("We sent it to your [email] and [phone] on file.")]
    [InlineData("您的手机号138****5678已验证。")]
    [InlineData("The number 110105194912310021 fails the ID checksum.")]
    public void Masked_or_partial_data_and_order_ids_are_not_personal_data(string text) =>
        Assert.DoesNotContain(WarningCodes.PersonalData, Codes(text, Facts(owners: ("2026111100001", Customer))));

    [Fact]
    public void Another_customers_order_or_customer_id_is_flagged_and_the_own_ones_are_not()
    {
        var facts = Facts(owners: [("2026111100001", Customer), ("2026111100004", "c-00003")]);

        var other = Assert.Single(DraftRules.Review("Order 2026111100004 was delivered.", facts));
        Assert.Equal(WarningCodes.OtherCustomerData, other.Code);
        Assert.Equal(WarningCodes.Critical, other.Severity);
        Assert.Equal([WarningCodes.OtherCustomerData], Codes("客户 c-00002 也有同样的问题。", facts));
        Assert.Empty(Codes("Order 2026111100001 was delivered to c-00001.", facts));
        Assert.Empty(Codes("Order 2026999900001 is not one I can find.", facts));
    }

    [Fact]
    public void Critical_warnings_come_first()
    {
        var warnings = DraftRules.Review("PLEASE READ IT AGAIN, card 4111111111111111", Facts());

        Assert.Equal([WarningCodes.PersonalData, WarningCodes.Rude], warnings.Select(w => w.Code));
        Assert.Equal(WarningCodes.Critical, warnings[0].Severity);
    }

    [Fact]
    public void Amounts_are_read_in_english_and_chinese_forms()
    {
        Assert.Equal(
            [new MoneyAmount(12_000, "CNY"), new MoneyAmount(12_000, "CNY"), new MoneyAmount(1_250, "USD"), new MoneyAmount(12_000, "CNY"),
             new MoneyAmount(129_900, "CNY"), new MoneyAmount(500, "USD")],
            AmountParser.Parse("¥120, 120 yuan, $12.50, 120元, RMB 1,299.00 and 5 dollars; order 2026111100001 on 2026-11-11"));
    }

    [Fact]
    public void Warnings_carry_code_message_and_severity() =>
        Assert.All(DraftRules.Review("You idiot, I'll refund ¥999 to 4111111111111111", Facts()),
            w => Assert.True(w is AgentDraftWarning { Code.Length: > 0, Message.Length: > 0, Severity.Length: > 0 }));
}
