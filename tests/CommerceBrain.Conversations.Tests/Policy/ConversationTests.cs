using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Tests.Infrastructure;
using static CommerceBrain.Conversations.Tests.Infrastructure.InMemoryCommerceDesk;

namespace CommerceBrain.Conversations.Tests.Policy;

public class ConversationTests
{
    [Fact]
    public async Task And_the_other_one_resolves_to_the_recent_order_not_yet_discussed()
    {
        var chat = new Conversation();
        await chat.Say($"where is my order {PaidOrder}");
        var reply = (await chat.Say("and the other one?")).Reply;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(Intents.OrderStatus, reply.Intent);
        Assert.Equal(ShippedOrder, Assert.Single(reply.Cards!).OrderId);
        Assert.Equal([PaidOrder, ShippedOrder], chat.State.OrdersTouched);
    }

    [Fact]
    public async Task The_other_one_in_chinese_resolves_too()
    {
        var chat = new Conversation();
        await chat.Say($"帮我查一下订单{PaidOrder}的物流");
        var reply = (await chat.Say("另一个呢")).Reply;

        Assert.Equal(ShippedOrder, Assert.Single(reply.Cards!).OrderId);
        Assert.Contains("运输中", reply.Text);
    }

    [Fact]
    public async Task Close_faq_hits_are_offered_as_choices_and_a_picked_choice_is_answered()
    {
        var chat = new Conversation();
        var ask = (await chat.Say("how long does shipping take")).Reply;

        Assert.Equal(ReplyKind.Clarify, ask.Kind);
        Assert.True(ask.Choices!.Count >= 2);
        var second = chat.State.PendingChoices[1].Action;
        var answer = (await chat.Say("2")).Reply;
        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.StartsWith("faq:", second);
        Assert.Equal(second, chat.State.LastAnswer);
    }

    [Fact]
    public async Task Close_actionable_intents_are_offered_as_choices()
    {
        var understood = new Nlu.Contracts.Understanding("request_refund", 0.52f, false,
            [new("request_refund", 0.52f), new("change_address", 0.45f)], Nlu.Contracts.FaqVerdict.NoMatch, 0, [], [], "en");
        var policy = new DialoguePolicy(new FixedUnderstanding(understood), new InMemoryCommerceDesk(),
            Microsoft.Extensions.Options.Options.Create(new ConversationsOptions()));
        var context = new DialogueContext("s", Vip, null, "web", "s:1", Now);

        var decision = await policy.DecideAsync(context, DialogueState.Initial, "refund, or the address maybe", default);

        Assert.Equal(ReplyKind.Clarify, decision.Reply.Kind);
        Assert.Equal(["Request a refund", "Change delivery address"], decision.Reply.Choices!.Select(c => c.Label));
        Assert.Equal("intent:change_address", decision.State.PendingChoices[1].Action);
    }

    [Fact]
    public async Task Small_talk_is_answered_politely()
    {
        var chat = new Conversation();
        Assert.Contains("What can I do for you", (await chat.Say("hi")).Reply.Text);
        Assert.Contains("welcome", (await chat.Say("thanks")).Reply.Text);
        Assert.Contains("Goodbye", (await chat.Say("bye")).Reply.Text);
    }

    [Fact]
    public async Task Out_of_scope_gets_a_fallback_that_says_what_the_bot_can_do()
    {
        var chat = new Conversation();
        var reply = (await chat.Say("what's the weather like tomorrow")).Reply;

        Assert.Equal(ReplyKind.Fallback, reply.Kind);
        Assert.Contains("refund", reply.Text);
        Assert.Contains(reply.Choices!, c => c.Label == "Talk to a person");
        Assert.Equal(1, chat.State.NoMatchStreak);
    }

    [Fact]
    public async Task Platform_and_shop_faqs_are_answered_and_a_shop_faq_needs_no_paraphrases()
    {
        var chat = new Conversation(merchant: TrainedNlu.ShopId);
        var policy = (await chat.Say("what is the return policy")).Reply;
        Assert.Equal(ReplyKind.Answer, policy.Kind);

        var shop = (await chat.Say("Do your headphones come with an engraving service?")).Reply;
        Assert.Equal(ReplyKind.Answer, shop.Kind);
        Assert.Contains("engraves", shop.Text);
    }

    [Fact]
    public async Task Order_status_and_human_request_work_in_chinese()
    {
        var chat = new Conversation();
        var ask = (await chat.Say("我的订单到哪了")).Reply;
        Assert.Equal(ReplyKind.Form, ask.Kind);
        Assert.Contains("哪个订单", ask.Text);

        var answer = (await chat.Say("最近的订单")).Reply;
        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.Equal(PaidOrder, Assert.Single(answer.Cards!).OrderId);
        Assert.Contains("已付款", answer.Text);
        Assert.Contains("¥129", answer.Text);

        var handoff = await chat.Say("转人工");
        Assert.Equal(ReplyKind.Handoff, handoff.Reply.Kind);
        Assert.Contains("人工客服", handoff.Reply.Text);
        Assert.Equal("zh", handoff.Handoff!.Language);
        Assert.Equal(HandoffReasons.Requested, handoff.Handoff.Reason);
    }

    [Fact]
    public async Task The_state_round_trips_through_json_with_an_open_form_and_choices()
    {
        var chat = new Conversation();
        await chat.Say($"I want a refund for order {ShippedOrder}");

        Assert.Contains("\"Awaiting\":\"item\"", chat.StateJson);
        Assert.Equal(ShippedOrder, chat.State.Form!.Slot(FormNames.OrderSlot));
        Assert.Equal(3, chat.State.PendingChoices.Count);
        Assert.True(chat.StateJson.Length < 2_000, chat.StateJson);
    }

    private sealed class FixedUnderstanding(Nlu.Contracts.Understanding understanding) : ILanguageUnderstanding
    {
        public Task<Nlu.Contracts.Understanding> UnderstandAsync(string text, string? merchantId, CancellationToken cancellationToken) =>
            Task.FromResult(understanding);
    }
}
