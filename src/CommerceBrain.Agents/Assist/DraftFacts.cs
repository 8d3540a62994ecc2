namespace CommerceBrain.Agents.Assist;

/// <summary>
/// What the rules know about the session when judging a draft: the session's customer, the session's order value (the
/// largest total among the orders in the handoff packet, minor units, with its currency), the owners of the orders the
/// draft names that exist, and the compensation reason code the agent gave.
/// </summary>
public sealed record DraftFacts(
    string? CustomerId,
    long? OrderValueMinor,
    string? OrderCurrency,
    IReadOnlyDictionary<string, string> OrderOwners,
    string? ReasonCode)
{
    /// <summary>Nothing known.</summary>
    public static DraftFacts None { get; } = new(null, null, null, new Dictionary<string, string>(), null);
}
