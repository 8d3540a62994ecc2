namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// What the policy remembers between turns (open form and its slots, pending choices, orders in view, escalation
/// signals...). Stored with every turn in the transcript ledger as JSON (System.Text.Json, so properties must round-trip);
/// the grain rebuilds it from the last turn on activation. <see cref="Initial"/> is the state of a new session.
/// </summary>
public sealed record DialogueState
{
    public static DialogueState Initial { get; } = new();

    /// <summary>Language of the conversation so far: <c>en</c> or <c>zh</c>.</summary>
    public string Language { get; init; } = "en";
}
