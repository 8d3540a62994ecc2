using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// One customer message while the policy decides: the fixed inputs, the state before the turn, and the state being
/// built (<see cref="State"/>, replaced with <c>with</c> as the decision goes; the caller's state is never mutated).
/// </summary>
internal sealed class PolicyTurn(DialogueContext context, DialogueState previous, DialogueState state, string text,
    string normalized, Understanding understanding, CancellationToken cancellationToken)
{
    public DialogueContext Context { get; } = context;

    /// <summary>The state before this message.</summary>
    public DialogueState Previous { get; } = previous;

    /// <summary>The state after this message, so far.</summary>
    public DialogueState State { get; set; } = state;

    public string Text { get; } = text;

    public string Normalized { get; } = normalized;

    public Understanding Understanding { get; } = understanding;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The intent the bot acts on (set when it routes), reported in the reply; null = the understood one.</summary>
    public string? ActingIntent { get; set; }

    /// <summary>Confidence in <see cref="ActingIntent"/> (1 when the customer picked it from choices).</summary>
    public float? ActingConfidence { get; set; }

    /// <summary>True when the conversation is in Chinese.</summary>
    public bool Zh => State.Language == "zh";

    /// <summary>The English or the Chinese text, by the conversation's language.</summary>
    public string Say(string english, string chinese) => Zh ? chinese : english;
}
