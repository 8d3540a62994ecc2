using CommerceBrain.Load.Double11;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Tests.Double11;

public sealed class ScenarioChecksTests
{
    private static readonly Order Delivered = new("2026110200289", "c-00043", "m-001", "Delivered", [new("sku-1", "Tea", 1, 1000)], 1000, []);

    [Fact]
    public void An_order_status_answer_passes_only_with_the_order_and_its_status()
    {
        BotReply Answer(string id, string status) => new($"Order {id} from Shop is delivered.", "answer", "order_status", null, [new OrderCard(id, "Shop", status)]);
        Assert.False(OrderStatusScenario.Check(Answer(Delivered.OrderId, "delivered"), Delivered, 10).IsError);
        Assert.Equal("wrong_status", OrderStatusScenario.Check(Answer(Delivered.OrderId, "shipped"), Delivered, 10).StatusCode);
        Assert.Equal("wrong_order", OrderStatusScenario.Check(Answer("2026110200290", "delivered"), Delivered, 10).StatusCode);
        Assert.Equal("not_answered", OrderStatusScenario.Check(new BotReply("Which order?", "form", "order_status", null, null), Delivered, 10).StatusCode);
    }

    [Fact]
    public void Pending_payment_orders_compare_in_the_cards_snake_case()
    {
        Assert.Equal("pending_payment", (Delivered with { Status = "PendingPayment" }).CardStatus);
        Assert.Equal("delivered", Delivered.CardStatus);
    }

    [Fact]
    public void The_refund_form_is_answered_whole_order_then_a_reason_then_yes()
    {
        var random = new Random(1);
        var items = new BotReply("Which item of order 1 is it about?", "form", "request_refund", [new("Tea ×1", "Tea"), new("The whole order", "The whole order")], null);
        var reasons = new BotReply("What's the reason for the refund?", "form", "request_refund",
            [new("Damaged or defective", "Damaged or defective"), new("Wrong item", "Wrong item")], null);
        var confirm = new BotReply("Shall I request a refund…?", "form", "request_refund", [new("Yes", "Yes"), new("No", "No")], null);
        Assert.Equal("The whole order", RefundScenario.NextAnswer(items, random));
        Assert.Contains(RefundScenario.NextAnswer(reasons, random), new[] { "Damaged or defective", "Wrong item" });
        Assert.Equal("Yes", RefundScenario.NextAnswer(confirm, random));
        Assert.Equal("确认", RefundScenario.NextAnswer(confirm with { Choices = [new("确认", "确认"), new("不用了", "不用了")] }, random));
    }

    [Fact]
    public void The_refund_id_is_read_from_new_and_already_open_refund_answers()
    {
        Assert.Equal("rf-2026083100133-1", RefundScenario.RefundIdIn("Done — refund request rf-2026083100133-1 for ¥569.80 (the whole order) is submitted."));
        Assert.Equal("rf-2026083100133-2", RefundScenario.RefundIdIn("There is already a refund request (rf-2026083100133-2, requested) for the whole order"));
        Assert.Equal("rf-2026083100133-1", RefundScenario.RefundIdIn("已提交退款申请 rf-2026083100133-1，金额 ¥569.80"));
        Assert.Null(RefundScenario.RefundIdIn("Open the order and tap Return/Refund."));
    }
}
