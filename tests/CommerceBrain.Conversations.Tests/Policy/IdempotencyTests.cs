using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Tests.Infrastructure;
using static CommerceBrain.Conversations.Tests.Infrastructure.InMemoryCommerceDesk;

namespace CommerceBrain.Conversations.Tests.Policy;

public class IdempotencyTests
{
    [Fact]
    public async Task A_retried_confirmation_passes_the_same_request_id_so_the_refund_is_made_once()
    {
        var chat = new Conversation();
        await chat.Say($"I want a refund for order {PaidOrder}");
        await chat.Say("Damaged or defective");
        var before = chat.State;
        var context = chat.NextContext();

        var first = await chat.Retry(context, before, "yes");
        var second = await chat.Retry(context, before, "yes");

        Assert.Equal(first.Reply.Text, second.Reply.Text);
        Assert.Contains("RF0001", first.Reply.Text);
        Assert.Equal(2, chat.Desk.RefundCalls.Count);
        Assert.All(chat.Desk.RefundCalls, c => Assert.Equal(context.RequestId, c.Request.RequestId));
        Assert.Single(chat.Desk.Order(PaidOrder).Refunds);
    }

    [Fact]
    public async Task Saying_yes_again_after_a_completed_form_does_not_act_twice()
    {
        var chat = new Conversation();
        await chat.Say($"I need to change the delivery address for order {PaidOrder}");
        await chat.Say("Room 88, 12 Xinhua Road, Hangzhou");
        await chat.Say("yes");
        var again = (await chat.Say("yes")).Reply;

        Assert.Single(chat.Desk.AddressCalls);
        Assert.NotEqual(ReplyKind.Form, again.Kind);
    }

    [Fact]
    public async Task Deciding_never_mutates_the_state_it_was_given()
    {
        var chat = new Conversation();
        await chat.Say($"I want a refund for order {ShippedOrder}");
        var before = chat.State;
        var json = System.Text.Json.JsonSerializer.Serialize(before);

        await chat.Retry(chat.NextContext(), before, "Denim jeans");

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(before));
    }
}
