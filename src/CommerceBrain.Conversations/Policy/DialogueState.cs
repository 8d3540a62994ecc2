namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// What the policy remembers between turns (open form and its slots, pending choices, orders in view, escalation
/// signals...). Stored with every turn in the transcript ledger as JSON (System.Text.Json, so properties must round-trip);
/// the grain rebuilds it from the last turn on activation. <see cref="Initial"/> is the state of a new session.
/// Lists are short and capped, so the JSON stays small.
/// </summary>
public sealed record DialogueState
{
    public static DialogueState Initial { get; } = new();

    /// <summary>Language of the conversation so far: <c>en</c> or <c>zh</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The open form, or null.</summary>
    public FormState? Form { get; init; }

    /// <summary>Quick replies offered in the last bot turn; cleared by the next turn.</summary>
    public IReadOnlyList<PendingChoice> PendingChoices { get; init; } = [];

    /// <summary>Order ids discussed, in the order they first came up.</summary>
    public IReadOnlyList<string> OrdersTouched { get; init; } = [];

    /// <summary>The order "that order" / "它" refers to: the one discussed last.</summary>
    public string? CurrentOrder { get; init; }

    /// <summary>The intent of the last order-scoped answer (what "and the other one?" repeats).</summary>
    public string? LastOrderTopic { get; init; }

    /// <summary>Intents understood so far, in order, without immediate repeats (capped).</summary>
    public IReadOnlyList<string> Intents { get; init; } = [];

    /// <summary>Consecutive turns the bot could not help with.</summary>
    public int NoMatchStreak { get; init; }

    /// <summary>Sentiment of recent customer turns in [-1, 1], oldest first (capped).</summary>
    public IReadOnlyList<float> Sentiments { get; init; } = [];

    /// <summary>Normalised text of recent customer turns, oldest first (capped), for repeat detection.</summary>
    public IReadOnlyList<string> RecentQuestions { get; init; } = [];

    /// <summary>What the bot answered so far (<c>faq:faq-0001</c>, <c>order_status:2026…</c>, <c>coupons</c>...), oldest first (capped).</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>The answer key of the previous bot turn when it was an answer; null otherwise.</summary>
    public string? LastAnswer { get; init; }

    /// <summary>Refund ids the bot requested in this session (a contested one is the dispute module's seam).</summary>
    public IReadOnlyList<string> RefundIds { get; init; } = [];

    /// <summary>True once the session was handed to a person.</summary>
    public bool HandedOff { get; init; }
}
