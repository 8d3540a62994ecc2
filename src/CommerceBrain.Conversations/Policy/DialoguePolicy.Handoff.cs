using System.Globalization;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Policy;

public sealed partial class DialoguePolicy
{
    /// <summary>Hands the session to a person with a packet of everything the bot learned.</summary>
    private async Task<PolicyDecision> HandoffAsync(PolicyTurn turn, string reason)
    {
        var ct = turn.CancellationToken;
        var state = turn.State;
        var customer = await desk.GetCustomerAsync(turn.Context.CustomerId, ct);
        var order = state.CurrentOrder is { } current ? await desk.GetOrderAsync(current, ct) : null;
        var recent = state.Sentiments.TakeLast(3).ToArray();
        var sentiment = recent.Length == 0 ? 0 : recent.Average();
        var trend = SentimentScorer.Trend(state.Sentiments);
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state.Form is { } form)
        {
            slots["form"] = form.Name;
            foreach (var (name, value) in form.Slots)
            {
                slots[name] = value;
            }
        }

        if (state.CurrentOrder is { } currentOrder)
        {
            slots.TryAdd(FormNames.OrderSlot, currentOrder);
        }

        var segment = customer?.Segment;
        var faqs = state.Answers.Count(a => a.StartsWith("FAQ ", StringComparison.Ordinal));
        var goalIntent = state.Intents.LastOrDefault(i => i is not (Intents.Greeting or Intents.Thanks or Intents.Goodbye or Intents.HumanAgent))
            ?? state.Intents.LastOrDefault();
        var summary =
            $"{SegmentName(segment)} customer {(goalIntent is null ? "needs help" : IntentNames.Goal(goalIntent))}"
            + (order is null ? "" : $" for order {order.OrderId} ({Money.Format(order.TotalMinor, order.Currency)}, {StatusText(order.Status, false)})")
            + $"; {Mood(sentiment)}; bot answered {faqs} FAQ{(faqs == 1 ? "" : "s")}; handed over: {ReasonText(reason)}";
        var packet = new HandoffPacket(
            turn.Context.SessionId, turn.Context.CustomerId, customer?.DisplayName, segment, turn.Context.MerchantId, turn.Context.Channel,
            reason, summary, [.. state.Intents], slots, [.. state.OrdersTouched], (float)Math.Round(sentiment, 3), (float)Math.Round(trend, 3),
            [.. state.Answers], state.Language, turn.Context.Now);
        turn.State = state with { HandedOff = true, PendingChoices = [] };
        var text = reason == HandoffReasons.Requested
            ? turn.Say("Sure — I'm connecting you with a person now. They'll see our conversation, so you won't need to repeat anything.",
                "好的，正在为您转接人工客服，客服会看到我们的对话记录，您无需重复描述。")
            : turn.Say("I'd like a colleague to help you with this. I'm connecting you with a person now; they'll see our conversation, so you won't need to repeat anything.",
                "这个问题我请人工客服来为您处理，正在为您转接，客服会看到我们的对话记录，您无需重复描述。");
        var reply = new BotReply(text, ReplyKind.Handoff, turn.ActingIntent ?? (reason == HandoffReasons.Requested ? Intents.HumanAgent : turn.Understanding.Intent),
            turn.ActingConfidence ?? turn.Understanding.Confidence, null, order is null ? null : [Card(order, turn.Zh)]);
        return new PolicyDecision(reply, turn.State, packet);
    }

    private static string SegmentName(string? segment) => segment?.ToLowerInvariant() switch
    {
        "vip" => "VIP",
        "new" => "New",
        "regular" => "Regular",
        null or "" => "Unknown",
        var other => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(other),
    };

    private static string Mood(double sentiment) => sentiment switch
    {
        <= -0.6 => "very unhappy",
        <= -0.25 => "unhappy",
        >= 0.3 => "in a good mood",
        _ => "calm",
    };

    private static string ReasonText(string reason) => reason switch
    {
        HandoffReasons.Requested => "asked for a person",
        HandoffReasons.NoMatch => "bot could not help twice in a row",
        HandoffReasons.NegativeSentiment => "mood turned negative",
        HandoffReasons.HighValueOrder => "high-value order",
        HandoffReasons.Repeated => "asked the same question again",
        _ => reason,
    };
}
