using CommerceBrain.Agents.Assist;
using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Tests.Assist;

public class SuggestionTests
{
    [Fact]
    public void Suggestions_rank_by_score_then_shop_faq_then_faq_then_agent_history_and_drop_weak_and_duplicate_ones()
    {
        var ranked = SuggestionRanking.Rank(
        [
            new AssistSuggestion("Refunds take 3-5 days.", "faq", 0.6),
            new AssistSuggestion("refunds take  3-5 days.", "agent-history", 0.9),
            new AssistSuggestion("Our shop refunds in 24h.", "shop-faq", 0.6),
            new AssistSuggestion("Track it in the app.", "agent-history", 0.6),
            new AssistSuggestion("Unrelated.", "faq", 0.05),
            new AssistSuggestion("Fourth.", "faq", 0.3),
        ], max: 3, minScore: 0.1);

        Assert.Equal(
            [("refunds take  3-5 days.", "agent-history"), ("Our shop refunds in 24h.", "shop-faq"), ("Track it in the app.", "agent-history")],
            ranked.Select(s => (s.Text, s.Source)));
    }

    [Fact]
    public void No_source_fills_more_than_its_share_so_a_colleagues_answer_still_shows()
    {
        var faq = Enumerable.Range(1, 6).Select(i => new AssistSuggestion($"FAQ answer {i}", "faq", 0.9 - (i * 0.01)));

        var ranked = SuggestionRanking.Rank([.. faq, new AssistSuggestion("What a colleague said.", "agent-history", 0.3)], max: 5, minScore: 0.1, maxPerSource: 3);

        Assert.Equal(["faq", "faq", "faq", "agent-history"], ranked.Select(s => s.Source));
    }

    [Fact]
    public void Earlier_agent_answers_to_similar_questions_are_found_best_first_in_english_and_chinese()
    {
        var index = new AgentAnswerIndex(Options.Create(new AgentsOptions()));
        index.Learn(new LearnedAnswer("How long does a refund take to reach my card?", "Refunds reach your card in 3-5 working days.", "s-1"));
        index.Learn(new LearnedAnswer("Can I change the delivery address?", "Yes, until it ships: open the order and edit the address.", "s-2"));
        index.Learn(new LearnedAnswer("退款多久能到账？", "退款一般3-5个工作日原路退回。", "s-3"));

        var english = index.Similar("how long will my refund take", 3, 0.15);
        var chinese = index.Similar("我的退款多久到账", 3, 0.15);

        Assert.Equal("Refunds reach your card in 3-5 working days.", english[0].Pair.Answer);
        Assert.DoesNotContain(english, a => a.Pair.SessionId == "s-3");
        Assert.Equal("退款一般3-5个工作日原路退回。", Assert.Single(chinese).Pair.Answer);
        Assert.Empty(index.Similar("what colour is the sky", 3, 0.15));
    }

    [Fact]
    public void The_answer_index_keeps_only_the_newest_pairs_up_to_its_bound()
    {
        var index = new AgentAnswerIndex(Options.Create(new AgentsOptions { Assist = new AssistOptions { MaxLearnedAnswers = 2 } }));
        index.Learn(new LearnedAnswer("where is my parcel", "old answer", "s-1"));
        index.Learn(new LearnedAnswer("where is my parcel", "old answer", "s-1"));
        index.Learn(new LearnedAnswer("refund time", "b", "s-2"));
        index.Learn(new LearnedAnswer("change address", "c", "s-3"));

        Assert.Equal(2, index.Count);
        Assert.Empty(index.Similar("where is my parcel", 3, 0.1));
    }

    [Fact]
    public void Learned_pairs_are_agent_answers_to_the_customer_line_before_them_without_warned_answers()
    {
        var at = DateTimeOffset.UnixEpoch;
        var view = new SessionView("s-1", "c-1", null, "web", SessionStatus.Closed, at, at, null, null,
        [
            new TranscriptEntry(1, at, "customer", "I want a human", EventId: 1),
            new TranscriptEntry(2, at, "bot", "Connecting you", EventId: 1),
            new TranscriptEntry(3, at, "system", "Ann joined the conversation.", EventId: 2),
            new TranscriptEntry(4, at, "customer", "Where is my parcel?", EventId: 3),
            new TranscriptEntry(5, at, "agent", "It arrives tomorrow.", EventId: 4),
            new TranscriptEntry(6, at, "agent", "Anything else?", EventId: 5),
            new TranscriptEntry(7, at, "customer", "Refund me now", EventId: 6),
            new TranscriptEntry(8, at, "agent", "Shut up.", EventId: 7),
        ], null, AgentWarnings: [new AgentMessageWarnings(7, "a-1", [new AgentDraftWarning("rude", "Rude.", "critical")])]);

        var pair = Assert.Single(AnswerLearningListener.Pairs(view));

        Assert.Equal(("Where is my parcel?", "It arrives tomorrow."), (pair.Question, pair.Answer));
    }

    [Fact]
    public void Next_actions_follow_the_orders_intent_and_words()
    {
        var lookups = NextActions.For("Where is my order 2026111000001?", ["order_status"], ["2026111000001", "2026111100001"], 0, chinese: false);
        Assert.Equal([("lookup_order", "2026111000001"), ("lookup_order", "2026111100001")], lookups.Select(a => (a.Kind, a.OrderId)));

        var refund = NextActions.For("我要退款", [], ["2026110100001"], 0, chinese: true);
        Assert.Equal(["lookup_order", "start_refund"], refund.Select(a => a.Kind));
        Assert.Equal("2026110100001", refund[1].OrderId);

        var angry = NextActions.For("This is terrible", ["complaint"], [], -0.8f, chinese: false);
        Assert.Equal([("lookup_order", (string?)null), ("open_dispute", null)], angry.Select(a => (a.Kind, a.OrderId)));

        Assert.Contains(NextActions.For("Please deliver to my new address", ["change_address"], ["2026111100001"], 0, false), a => a.Kind == "change_address");
    }

    [Fact]
    public void Phrasing_tips_greet_by_name_first_and_apologise_when_the_customer_is_unhappy()
    {
        var first = PhrasingTips.For(chinese: false, "Alice Chen", agentHasReplied: false, sentiment: -0.6f, lastAgentText: null);
        Assert.Contains("Alice Chen", first[0], StringComparison.Ordinal);
        Assert.Contains(first, t => t.Contains("apologise", StringComparison.Ordinal));

        var later = PhrasingTips.For(chinese: true, "王芳", agentHasReplied: true, sentiment: 0.3f, lastAgentText: new string('好', 400));
        Assert.DoesNotContain(later, t => t.Contains("王芳", StringComparison.Ordinal) || t.Contains("道歉", StringComparison.Ordinal));
        Assert.Contains(later, t => t.Contains("简短", StringComparison.Ordinal));
    }
}
