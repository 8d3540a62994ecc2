using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Tests.Infrastructure;
using static CommerceBrain.Conversations.Tests.Infrastructure.InMemoryCommerceDesk;

namespace CommerceBrain.Conversations.Tests.Policy;

public class FormTests
{
    [Fact]
    public async Task Order_status_with_an_order_id_answers_with_status_tracking_and_a_card()
    {
        var chat = new Conversation();
        var reply = (await chat.Say($"where is my order {ShippedOrder}")).Reply;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(Intents.OrderStatus, reply.Intent);
        Assert.Contains("on its way", reply.Text);
        Assert.Contains("Arrived at sorting center", reply.Text);
        Assert.Contains("¥358", reply.Text);
        var card = Assert.Single(reply.Cards!);
        Assert.Equal(ShippedOrder, card.OrderId);
        Assert.Equal("shipped", card.Status);
        Assert.Equal(35_800, card.TotalMinor);
        Assert.Equal(ShippedOrder, chat.State.CurrentOrder);
    }

    [Fact]
    public async Task Order_status_without_an_id_offers_the_recent_orders_and_a_picked_choice_answers()
    {
        var chat = new Conversation();
        var ask = (await chat.Say("where is my order")).Reply;

        Assert.Equal(ReplyKind.Form, ask.Kind);
        Assert.Equal([PaidOrder, ShippedOrder, HighValueOrder], ask.Choices!.Select(c => c.Value));
        var answer = (await chat.Say(ask.Choices![1].Value)).Reply;
        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.Equal(ShippedOrder, Assert.Single(answer.Cards!).OrderId);
        Assert.Null(chat.State.Form);
    }

    [Fact]
    public async Task My_last_order_resolves_to_the_newest_order()
    {
        var chat = new Conversation();
        var reply = (await chat.Say("Where's my last order?")).Reply;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(PaidOrder, Assert.Single(reply.Cards!).OrderId);
        Assert.Contains("waiting for the seller to ship", reply.Text);
    }

    [Fact]
    public async Task Another_customers_order_id_is_not_disclosed_and_the_bot_asks_again()
    {
        var chat = new Conversation();
        var reply = (await chat.Say($"where is my order {OtherCustomersOrder}")).Reply;

        Assert.Equal(ReplyKind.Form, reply.Kind);
        Assert.Contains("can't find order", reply.Text);
        Assert.DoesNotContain("Rice bowl", reply.Text);
        Assert.Equal(FormNames.OrderSlot, chat.State.Form!.Awaiting);
    }

    [Fact]
    public async Task Refund_form_walks_order_item_reason_and_confirmation_then_requests_once()
    {
        var chat = new Conversation();
        var item = (await chat.Say($"I want a refund for order {ShippedOrder}")).Reply;
        Assert.Equal(ReplyKind.Form, item.Kind);
        Assert.Contains(item.Choices!, c => c.Value == "Denim jeans");

        var reason = (await chat.Say("Denim jeans")).Reply;
        Assert.Equal(ReplyKind.Form, reason.Kind);
        Assert.Equal(FormNames.ReasonSlot, chat.State.Form!.Awaiting);

        var confirm = (await chat.Say("it's broken")).Reply;
        Assert.Equal(ReplyKind.Form, confirm.Kind);
        Assert.Contains("¥160", confirm.Text);
        Assert.Empty(chat.Desk.RefundCalls);

        var done = (await chat.Say("yes")).Reply;
        Assert.Equal(ReplyKind.Answer, done.Kind);
        var (orderId, request) = Assert.Single(chat.Desk.RefundCalls);
        Assert.Equal(ShippedOrder, orderId);
        Assert.Equal("CH-JN-1", request.Sku);
        Assert.Equal("it's broken", request.Reason);
        Assert.Equal("s-1:m4", request.RequestId);
        Assert.Contains("RF0001", done.Text);
        Assert.Equal(["RF0001"], chat.State.RefundIds);
        Assert.Null(chat.State.Form);
    }

    [Fact]
    public async Task A_second_refund_for_the_same_item_is_explained_as_already_requested()
    {
        var chat = new Conversation();
        foreach (var text in new[] { $"I want a refund for order {PaidOrder}", "1", "yes" })
        {
            await chat.Say(text);
        }

        foreach (var text in new[] { $"I want a refund for order {PaidOrder}", "Wrong item" })
        {
            await chat.Say(text);
        }

        var again = (await chat.Say("yes")).Reply;
        Assert.Contains("already a refund request", again.Text);
        Assert.Equal(2, chat.Desk.RefundCalls.Count);
        Assert.Single(chat.Desk.Order(PaidOrder).Refunds);
    }

    [Fact]
    public async Task Address_change_before_shipment_validates_confirms_and_changes()
    {
        var chat = new Conversation();
        var ask = (await chat.Say($"I need to change the delivery address for order {PaidOrder}")).Reply;
        Assert.Equal(ReplyKind.Form, ask.Kind);
        Assert.Equal(FormNames.AddressSlot, chat.State.Form!.Awaiting);

        var invalid = (await chat.Say("home")).Reply;
        Assert.Equal(ReplyKind.Form, invalid.Kind);
        Assert.Equal(FormNames.AddressSlot, chat.State.Form!.Awaiting);

        var confirm = (await chat.Say("Room 88, 12 Xinhua Road, Hangzhou")).Reply;
        Assert.Equal(FormNames.ConfirmSlot, chat.State.Form!.Awaiting);
        Assert.Contains("12 Xinhua Road", confirm.Text);

        var done = (await chat.Say("yes")).Reply;
        Assert.Equal(ReplyKind.Answer, done.Kind);
        Assert.Equal("Room 88, 12 Xinhua Road, Hangzhou", chat.Desk.Order(PaidOrder).ShippingAddress);
    }

    [Fact]
    public async Task Address_change_after_shipment_explains_it_shipped_and_offers_alternatives()
    {
        var chat = new Conversation();
        var reply = (await chat.Say($"please update shipping address for {ShippedOrder}")).Reply;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("already shipped", reply.Text);
        Assert.Contains("YT9876543210", reply.Text);
        Assert.Contains(reply.Choices!, c => c.Label == "Talk to a person");
        Assert.Empty(chat.Desk.AddressCalls);
    }

    [Fact]
    public async Task Coupon_questions_list_coupons_and_explain_min_spend_expiry_and_other_shops()
    {
        var chat = new Conversation();
        var reply = (await chat.Say($"my coupon doesn't work for order {PaidOrder}")).Reply;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("¥50 off orders of ¥300 or more", reply.Text);
        Assert.Contains("needs a spend of ¥300; order 2026111100003 is ¥129", reply.Text);
        Assert.Contains("expired on", reply.Text);

        var inAnotherShop = new Conversation(merchant: "m-cotton");
        var shop = (await inAnotherShop.Say("my coupon doesn't work")).Reply;
        Assert.Contains("another shop", shop.Text);
    }

    [Fact]
    public async Task A_form_can_be_cancelled_and_changes_nothing()
    {
        var chat = new Conversation();
        await chat.Say($"I want a refund for order {ShippedOrder}");
        var reply = (await chat.Say("never mind")).Reply;

        Assert.Contains("cancelled", reply.Text);
        Assert.Null(chat.State.Form);
        Assert.Empty(chat.Desk.RefundCalls);
    }

    [Fact]
    public async Task Switching_topic_mid_form_drops_the_form_and_answers_the_new_topic()
    {
        var chat = new Conversation();
        await chat.Say($"I need to change the delivery address for order {PaidOrder}");
        var reply = (await chat.Say($"where is my order {ShippedOrder}")).Reply;

        Assert.Equal(Intents.OrderStatus, reply.Intent);
        Assert.Equal(ShippedOrder, Assert.Single(reply.Cards!).OrderId);
        Assert.Null(chat.State.Form);
        Assert.Empty(chat.Desk.AddressCalls);
    }

    [Fact]
    public async Task A_paraphrased_refund_request_for_that_order_uses_the_current_order()
    {
        var chat = new Conversation();
        await chat.Say($"where is my order {ShippedOrder}");
        var reply = (await chat.Say("can I get a refund for that order?")).Reply;

        Assert.Equal(ReplyKind.Form, reply.Kind);
        Assert.Equal(ShippedOrder, chat.State.Form!.Slot(FormNames.OrderSlot));
    }
}
