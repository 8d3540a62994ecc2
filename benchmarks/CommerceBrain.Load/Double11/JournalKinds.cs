namespace CommerceBrain.Load.Double11;

/// <summary>The kinds of acknowledged write the journal records.</summary>
public static class JournalKinds
{
    /// <summary>A customer message the silo answered (subject = the customer).</summary>
    public const string Message = "message";

    /// <summary>An agent message the silo stored (subject = the agent).</summary>
    public const string AgentMessage = "agent_message";

    /// <summary>A coupon granted by a claim (subject = the customer).</summary>
    public const string Grant = "grant";

    /// <summary>An order the silo created for the refund scenario (subject = the customer; order id and idempotency key).</summary>
    public const string Order = "order";

    /// <summary>A refund request the silo recorded (subject = the customer).</summary>
    public const string Refund = "refund";
}
