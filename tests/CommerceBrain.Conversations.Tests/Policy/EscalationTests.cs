using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Tests.Infrastructure;
using static CommerceBrain.Conversations.Tests.Infrastructure.InMemoryCommerceDesk;

namespace CommerceBrain.Conversations.Tests.Policy;

public class EscalationTests
{
    [Fact]
    public async Task An_explicit_request_hands_over_with_a_packet()
    {
        var chat = new Conversation();
        await chat.Say($"where is my order {ShippedOrder}");
        var decision = await chat.Say("I want to talk to a human");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        var packet = decision.Handoff!;
        Assert.Equal(HandoffReasons.Requested, packet.Reason);
        Assert.Equal("Li Wei", packet.CustomerName);
        Assert.Equal("vip", packet.CustomerSegment);
        Assert.Equal([Intents.OrderStatus, Intents.HumanAgent], packet.Intents);
        Assert.Equal([ShippedOrder], packet.OrdersTouched);
        Assert.Equal(ShippedOrder, packet.Slots["order"]);
        Assert.Equal("en", packet.Language);
        Assert.Equal("s-1", packet.SessionId);
        Assert.StartsWith("VIP customer asks where an order is for order 2026111100002 (¥358, on its way)", packet.Summary);
        Assert.True(decision.State.HandedOff);
    }

    [Fact]
    public async Task A_request_for_a_person_mid_form_hands_over_with_the_form_slots()
    {
        var chat = new Conversation();
        await chat.Say($"I want a refund for order {ShippedOrder}");
        var decision = await chat.Say("人工");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Equal(FormNames.Refund, decision.Handoff!.Slots["form"]);
        Assert.Equal(ShippedOrder, decision.Handoff.Slots["order"]);
    }

    [Fact]
    public async Task Two_consecutive_no_match_turns_hand_over()
    {
        var chat = new Conversation();
        Assert.Equal(ReplyKind.Fallback, (await chat.Say("what's the weather like tomorrow")).Reply.Kind);
        var decision = await chat.Say("tell me a joke");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Equal(HandoffReasons.NoMatch, decision.Handoff!.Reason);
    }

    [Fact]
    public async Task An_answer_between_two_no_match_turns_resets_the_count()
    {
        var chat = new Conversation();
        await chat.Say("what's the weather like tomorrow");
        await chat.Say("hi");
        Assert.Equal(ReplyKind.Fallback, (await chat.Say("tell me a joke")).Reply.Kind);
    }

    [Fact]
    public async Task A_negative_sentiment_trend_hands_over_with_mood_in_the_packet()
    {
        var chat = new Conversation();
        await chat.Say("hi");
        var first = await chat.Say("I'm very unhappy, this is terrible");
        Assert.NotEqual(ReplyKind.Handoff, first.Reply.Kind);
        var decision = await chat.Say("your bot is useless and I'm angry");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        var packet = decision.Handoff!;
        Assert.Equal(HandoffReasons.NegativeSentiment, packet.Reason);
        Assert.True(packet.Sentiment < -0.3f, $"sentiment {packet.Sentiment}");
        Assert.True(packet.SentimentTrend < 0, $"trend {packet.SentimentTrend}");
        Assert.Contains("unhappy", packet.Summary);
    }

    [Fact]
    public async Task A_refund_on_a_high_value_order_goes_to_a_person_without_acting()
    {
        var chat = new Conversation();
        await chat.Say("what is the return policy");
        await chat.Say("how do I return an item");
        var decision = await chat.Say($"I want a refund for order {HighValueOrder}");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Empty(chat.Desk.RefundCalls);
        var packet = decision.Handoff!;
        Assert.Equal(HandoffReasons.HighValueOrder, packet.Reason);
        Assert.Equal(2, packet.BotAnswers.Count);
        Assert.StartsWith("VIP customer wants a refund for order 2026111100001 (¥2,399, delivered)", packet.Summary);
        Assert.Contains("bot answered 2 FAQs", packet.Summary);
        Assert.Equal(HighValueOrder, Assert.Single(decision.Reply.Cards!).OrderId);
    }

    [Fact]
    public async Task A_complaint_about_a_high_value_order_goes_to_a_person()
    {
        var chat = new Conversation();
        var decision = await chat.Say($"I want to file a complaint about order {HighValueOrder}");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Equal(HandoffReasons.HighValueOrder, decision.Handoff!.Reason);
    }

    [Fact]
    public async Task The_same_question_again_after_an_answer_hands_over()
    {
        var chat = new Conversation();
        Assert.Equal(ReplyKind.Answer, (await chat.Say("what is the return policy")).Reply.Kind);
        var decision = await chat.Say("What is the return policy?");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Equal(HandoffReasons.Repeated, decision.Handoff!.Reason);
    }

    [Fact]
    public async Task The_same_faq_answer_twice_in_a_row_hands_over_instead()
    {
        var chat = new Conversation();
        await chat.Say("what is the return policy");
        var decision = await chat.Say("return policy?");

        Assert.Equal(ReplyKind.Handoff, decision.Reply.Kind);
        Assert.Equal(HandoffReasons.Repeated, decision.Handoff!.Reason);
        Assert.Single(decision.Handoff.BotAnswers);
    }
}
