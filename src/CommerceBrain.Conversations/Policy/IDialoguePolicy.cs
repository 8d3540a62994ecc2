namespace CommerceBrain.Conversations.Policy;

/// <summary>Decides the bot's reply to one customer message from the dialogue state so far.</summary>
public interface IDialoguePolicy
{
    /// <summary>
    /// Decides the reply to <paramref name="text"/> (the customer's raw text; the caller masks what it stores).
    /// Must not mutate <paramref name="state"/>: the returned state is the new one, kept only once the turn is durable.
    /// </summary>
    Task<PolicyDecision> DecideAsync(DialogueContext context, DialogueState state, string text, CancellationToken cancellationToken);
}
