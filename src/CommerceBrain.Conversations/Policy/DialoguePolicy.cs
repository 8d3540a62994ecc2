using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Nlu.Contracts;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// The bot's dialogue policy: from what the language engine understood of a message and the dialogue state so far it
/// answers FAQs, asks which of close readings is meant, runs forms (order status, refund, address change) against the
/// customer's real orders, explains coupons, resolves "that order" / "the other one", and hands over to a person when
/// the customer asks, the bot fails twice, the mood sinks, the money at stake is high or a question comes back.
/// Stateless itself: everything it remembers is in <see cref="DialogueState"/>.
/// </summary>
public sealed partial class DialoguePolicy(ILanguageUnderstanding understanding, ICommerceDesk desk, IOptions<ConversationsOptions> options)
    : IDialoguePolicy
{
    private const int MaxSentiments = 6;
    private const int MaxQuestions = 4;
    private const int MaxIntents = 12;
    private const int MaxAnswers = 10;
    private const int MaxOrdersTouched = 10;

    private readonly ConversationsOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<PolicyDecision> DecideAsync(DialogueContext context, DialogueState state, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        var understood = await understanding.UnderstandAsync(text, context.MerchantId, cancellationToken);
        var normalized = CustomerPhrases.Normalize(text);
        var working = state with
        {
            Language = DetectLanguage(text, state.Language),
            Sentiments = Capped(state.Sentiments, SentimentScorer.Score(text), MaxSentiments),
            PendingChoices = [],
            LastAnswer = null,
        };
        var turn = new PolicyTurn(context, state, working, text, normalized, understood, cancellationToken);
        var decision = await DecideTurnAsync(turn);
        return decision with { State = decision.State with { RecentQuestions = Capped(state.RecentQuestions, normalized, MaxQuestions) } };
    }

    private async Task<PolicyDecision> DecideTurnAsync(PolicyTurn turn)
    {
        var u = turn.Understanding;
        if (CustomerPhrases.AsksForPerson(turn.Text) || u is { OutOfScope: false, Intent: Intents.HumanAgent } && u.Confidence >= _options.IntentThreshold)
        {
            Note(turn, Intents.HumanAgent);
            return await HandoffAsync(turn, HandoffReasons.Requested);
        }

        if (IsSouring(turn.State.Sentiments))
        {
            NoteUnderstoodIntent(turn);
            return await HandoffAsync(turn, HandoffReasons.NegativeSentiment);
        }

        if (MatchChoice(turn) is { } choice)
        {
            return await FollowChoiceAsync(turn, choice);
        }

        if (turn.State.Form is { } form)
        {
            if (CustomerPhrases.IsCancel(turn.Text))
            {
                turn.State = turn.State with { Form = null, NoMatchStreak = 0 };
                return Reply(turn, ReplyKind.Answer, turn.Say(
                    "OK, I've cancelled that and changed nothing. Anything else I can help with?",
                    "好的，已取消，没有做任何修改。还有什么可以帮您？"));
            }

            if (await FillSlotAsync(turn, form) is { } filled)
            {
                return filled;
            }

            // Not an answer to the form's question: the customer switched topic, so the form is dropped.
            turn.State = turn.State with { Form = null };
        }

        if (turn.State.Form is null && CustomerPhrases.YesOrNo(turn.Text) is not null)
        {
            // A bare "yes"/"ok"/"no" with nothing open to confirm is an acknowledgement, not a new topic.
            turn.State = turn.State with { NoMatchStreak = 0 };
            return Reply(turn, ReplyKind.Answer, turn.Say("OK! Anything else I can help with?", "好的！还有什么可以帮您？"), "acknowledgement", 1f);
        }

        if (turn.Previous.LastAnswer is not null && turn.Normalized.Length >= 4
            && turn.Previous.RecentQuestions.Count > 0 && turn.Previous.RecentQuestions[^1] == turn.Normalized)
        {
            NoteUnderstoodIntent(turn);
            return await HandoffAsync(turn, HandoffReasons.Repeated);
        }

        if (await FollowOrderReferenceAsync(turn) is { } followed)
        {
            return followed;
        }

        return await RouteAsync(turn, u.OutOfScope ? null : u.Intent, u.Confidence);
    }

    /// <summary>Acts on an intent (null = nothing in scope): forms, small talk, coupons, FAQ, clarification or fallback.</summary>
    private async Task<PolicyDecision> RouteAsync(PolicyTurn turn, string? intent, float confidence)
    {
        var u = turn.Understanding;
        if (intent is not null && confidence >= _options.IntentThreshold)
        {
            if (CloseIntents(u) is { } close)
            {
                return ClarifyIntents(turn, close);
            }

            Note(turn, intent);
            if (IsPolicyQuestion(turn, intent))
            {
                return await AnswerFaqAsync(turn, u.FaqHits[0]);
            }

            switch (intent)
            {
                case Intents.Greeting:
                case Intents.Thanks:
                case Intents.Goodbye:
                    return SmallTalk(turn, intent);
                case Intents.HumanAgent:
                    return await HandoffAsync(turn, HandoffReasons.Requested);
                case Intents.OrderStatus:
                    return await StartFormAsync(turn, FormNames.OrderStatus);
                case Intents.RequestRefund:
                case Intents.ReturnItem:
                    return await StartFormAsync(turn, FormNames.Refund);
                case Intents.ChangeAddress:
                    return await StartFormAsync(turn, FormNames.ChangeAddress);
                case Intents.CouponNotWorking:
                case Intents.HowToUseCoupon:
                    return await CouponsAsync(turn, intent);
                case Intents.Complaint:
                    return await ComplaintAsync(turn);
            }
        }
        else if (intent is null && CloseIntents(u) is { } close)
        {
            return ClarifyIntents(turn, close);
        }

        return u.Faq switch
        {
            FaqVerdict.Answer when u.FaqHits.Count > 0 => await AnswerFaqAsync(turn, u.FaqHits[0]),
            FaqVerdict.Clarify when u.FaqHits.Count > 1 => ClarifyFaq(turn, u.FaqHits),
            FaqVerdict.Clarify when u.FaqHits.Count == 1 => await AnswerFaqAsync(turn, u.FaqHits[0]),
            _ => await NoMatchAsync(turn, intent),
        };
    }

    /// <summary>
    /// "What is the return policy?" / "How do I change my address?" is a question about the rules, not a request to
    /// start one: with a confident FAQ answer and no order in the message, the FAQ answers it.
    /// </summary>
    private static bool IsPolicyQuestion(PolicyTurn turn, string intent) =>
        intent is Intents.RequestRefund or Intents.ReturnItem or Intents.ChangeAddress
        && turn.Understanding is { Faq: FaqVerdict.Answer, FaqHits.Count: > 0 }
        && CustomerPhrases.IsHowToQuestion(turn.Text)
        && !CustomerPhrases.OrderIdCandidates(turn.Text).Any()
        && !turn.Understanding.Entities.Any(e => e.Kind == "OrderId");

    private async Task<PolicyDecision> NoMatchAsync(PolicyTurn turn, string? intent)
    {
        var streak = turn.Previous.NoMatchStreak + 1;
        turn.State = turn.State with { NoMatchStreak = streak };
        if (streak >= _options.NoMatchTurnsBeforeHandoff)
        {
            return await HandoffAsync(turn, HandoffReasons.NoMatch);
        }

        var opening = intent is not null && IntentNames.Describe(intent, turn.Zh) is { } topic
            ? turn.Say($"I see this is about {topic}, but I don't have a good answer for it. ", $"您问的是{topic}，但我暂时没有合适的答案。")
            : turn.Say("Sorry, I didn't quite get that. ", "抱歉，我没有理解您的意思。");
        var text = opening + turn.Say(
            "I can check where an order is, request a refund or return, change a delivery address before shipping, explain your coupons, and answer questions about shopping here — or connect you with a person.",
            "我可以帮您查询订单状态、申请退款退货、在发货前修改收货地址、解释您的优惠券，也可以解答购物相关问题，或为您转接人工客服。");
        return Reply(turn, ReplyKind.Fallback, text, intent ?? Intents.OutOfScope, turn.Understanding.Confidence, Offer(turn,
        [
            Choice(turn, "Where is my order", "我的订单到哪了", "intent:" + Intents.OrderStatus),
            Choice(turn, "Request a refund", "申请退款", "intent:" + Intents.RequestRefund),
            Choice(turn, "Change delivery address", "修改收货地址", "intent:" + Intents.ChangeAddress),
            Choice(turn, "My coupons", "我的优惠券", "intent:" + Intents.HowToUseCoupon),
            Choice(turn, "Talk to a person", "转人工", "intent:" + Intents.HumanAgent),
        ]));
    }

    private PolicyDecision SmallTalk(PolicyTurn turn, string intent)
    {
        turn.State = turn.State with { NoMatchStreak = 0 };
        var text = intent switch
        {
            Intents.Greeting => turn.Say(
                "Hi! I can check your orders, help with a refund or return, change a delivery address or explain your coupons. What can I do for you?",
                "您好！我可以帮您查询订单、申请退款退货、修改收货地址或解释优惠券。请问有什么可以帮您？"),
            Intents.Thanks => turn.Say("You're welcome! Anything else I can help with?", "不客气！还有什么可以帮您？"),
            _ => turn.Say("Goodbye, and thanks for shopping with us!", "再见，感谢您的光临！"),
        };
        return Reply(turn, ReplyKind.Answer, text);
    }

    private async Task<PolicyDecision> AnswerFaqAsync(PolicyTurn turn, FaqHit hit)
    {
        var key = "faq:" + hit.Id;
        if (turn.Previous.LastAnswer == key)
        {
            // The same answer again would not help: the customer already read it.
            return await HandoffAsync(turn, HandoffReasons.Repeated);
        }

        turn.State = Answered(turn.State, key, $"FAQ {hit.Id}: {Shorten(hit.Question, 80)}") with { NoMatchStreak = 0 };
        return Reply(turn, ReplyKind.Answer, hit.Answer, confidence: hit.Score);
    }

    private PolicyDecision ClarifyFaq(PolicyTurn turn, IReadOnlyList<FaqHit> hits)
    {
        var choices = hits.Take(3).Select(h => new PendingChoice(Shorten(h.Question, 60), Shorten(h.Question, 60), "faq:" + h.Id)).ToArray();
        turn.State = turn.State with { NoMatchStreak = 0 };
        return Reply(turn, ReplyKind.Clarify, turn.Say("Which of these do you mean?", "您想问的是哪一个？"),
            confidence: hits[0].Score, choices: Offer(turn, choices));
    }

    private PolicyDecision ClarifyIntents(PolicyTurn turn, IReadOnlyList<string> intents)
    {
        var choices = intents.Select(i => Choice(turn, IntentNames.Choice(i, false), IntentNames.Choice(i, true), "intent:" + i)).ToArray();
        turn.State = turn.State with { NoMatchStreak = 0 };
        return Reply(turn, ReplyKind.Clarify, turn.Say("Just to be sure — what would you like to do?", "想跟您确认一下，您是想："),
            choices: Offer(turn, choices));
    }

    /// <summary>The top two intents when both are ones the bot acts on and their scores are close; otherwise null.</summary>
    private string[]? CloseIntents(Understanding u)
    {
        if (u.Candidates.Count < 2)
        {
            return null;
        }

        var (first, second) = (u.Candidates[0], u.Candidates[1]);
        var actionable = IntentNames.IsActionable(first.Intent) && IntentNames.IsActionable(second.Intent)
            && IntentNames.Family(first.Intent) != IntentNames.Family(second.Intent);
        return actionable && first.Score - second.Score < _options.ClarifyMargin && second.Score >= 0.2f
            ? [first.Intent, second.Intent]
            : null;
    }

    private bool IsSouring(IReadOnlyList<float> sentiments)
    {
        if (sentiments.Count < 2)
        {
            return false;
        }

        var (last, before) = (sentiments[^1], sentiments[^2]);
        return last < 0 && before < 0 && (last + before) / 2 <= _options.NegativeSentimentThreshold;
    }

    private static string DetectLanguage(string text, string previous)
    {
        var cjk = text.Count(SentimentScorer.IsCjk);
        var latin = text.Count(char.IsAsciiLetter);
        if (cjk > 0 && cjk * 3 >= latin)
        {
            return "zh";
        }

        // A bare order id, "1" or "ok" says nothing about the language: keep the conversation's.
        return latin >= 3 ? "en" : previous;
    }

    private static void Note(PolicyTurn turn, string intent)
    {
        turn.ActingIntent = intent;
        var intents = turn.State.Intents;
        if (intents.Count == 0 || intents[^1] != intent)
        {
            turn.State = turn.State with { Intents = Capped(intents, intent, MaxIntents) };
        }
    }

    private void NoteUnderstoodIntent(PolicyTurn turn)
    {
        if (turn.Understanding is { OutOfScope: false } u && u.Confidence >= _options.IntentThreshold)
        {
            Note(turn, u.Intent);
        }
    }

    private static DialogueState Answered(DialogueState state, string key, string description) => state with
    {
        LastAnswer = key,
        Answers = Capped(state.Answers, description, MaxAnswers),
    };

    private static DialogueState Touch(DialogueState state, string orderId) => state with
    {
        CurrentOrder = orderId,
        OrdersTouched = state.OrdersTouched.Contains(orderId) ? state.OrdersTouched : Capped(state.OrdersTouched, orderId, MaxOrdersTouched),
    };

    private static PendingChoice Choice(PolicyTurn turn, string english, string chinese, string action)
    {
        var label = turn.Say(english, chinese);
        return new PendingChoice(label, label, action);
    }

    /// <summary>Remembers the choices for the next turn and returns them as quick replies.</summary>
    private static IReadOnlyList<ReplyChoice> Offer(PolicyTurn turn, IReadOnlyList<PendingChoice> choices)
    {
        turn.State = turn.State with { PendingChoices = choices };
        return choices.Select(c => new ReplyChoice(c.Label, c.Value)).ToArray();
    }

    private static PolicyDecision Reply(PolicyTurn turn, ReplyKind kind, string text, string? intent = null, float? confidence = null,
        IReadOnlyList<ReplyChoice>? choices = null, IReadOnlyList<OrderCard>? cards = null)
    {
        var u = turn.Understanding;
        var reply = new BotReply(text, kind, intent ?? turn.ActingIntent ?? (u.OutOfScope ? Intents.OutOfScope : u.Intent),
            confidence ?? turn.ActingConfidence ?? u.Confidence,
            choices is { Count: > 0 } ? choices : null, cards is { Count: > 0 } ? cards : null);
        return new PolicyDecision(reply, turn.State, null);
    }

    private static IReadOnlyList<T> Capped<T>(IReadOnlyList<T> list, T item, int max) =>
        [.. list.Skip(Math.Max(0, list.Count + 1 - max)), item];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
