namespace CommerceBrain.Agents.Contracts;

/// <summary>The response clocks' names.</summary>
public static class SlaClocks
{
    /// <summary>From escalation (or transfer) to a person's first reply.</summary>
    public const string FirstResponse = "first-response";

    /// <summary>From a customer's message to the agent's next reply.</summary>
    public const string NextResponse = "next-response";
}
