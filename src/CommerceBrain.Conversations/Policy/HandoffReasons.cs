namespace CommerceBrain.Conversations.Policy;

/// <summary>Why the bot hands a session over (<see cref="Contracts.HandoffPacket.Reason"/>).</summary>
public static class HandoffReasons
{
    public const string Requested = "customer_request";
    public const string NoMatch = "no_match";
    public const string NegativeSentiment = "negative_sentiment";
    public const string HighValueOrder = "high_value_order";
    public const string Repeated = "repeated_question";
}
