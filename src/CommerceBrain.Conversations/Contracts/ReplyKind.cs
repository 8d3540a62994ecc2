namespace CommerceBrain.Conversations.Contracts;

/// <summary>What kind of bot reply this is. JSON: <c>answer</c>, <c>clarify</c>, <c>form</c>, <c>handoff</c>, <c>fallback</c>.</summary>
[GenerateSerializer]
public enum ReplyKind
{
    /// <summary>A direct answer (a FAQ, an order's status, a completed form).</summary>
    Answer,
    /// <summary>A question with choices, because several readings are close.</summary>
    Clarify,
    /// <summary>A form step: the bot asks for (or confirms) a slot.</summary>
    Form,
    /// <summary>The session was handed to a person.</summary>
    Handoff,
    /// <summary>The bot did not understand and says so (and how to go on).</summary>
    Fallback,
}
