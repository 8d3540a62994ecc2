namespace CommerceBrain.Commerce.Contracts;

/// <summary>What happened to a <see cref="RefundDecision"/>.</summary>
[GenerateSerializer]
public enum RefundDecisionOutcome
{
    /// <summary>The decision was recorded: the refund is now <see cref="RefundStatus.Paid"/> or <see cref="RefundStatus.Rejected"/>.</summary>
    Decided,
    /// <summary>The refund already carries this decision (a retry): nothing changed; an approval runs the listeners again.</summary>
    Repeated,
    /// <summary>No such order or no such refund on it.</summary>
    NotFound,
    /// <summary>The refund was already decided the other way (or approved, and now rejected).</summary>
    AlreadyDecided,
}
