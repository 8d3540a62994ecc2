namespace CommerceBrain.Coupons.Contracts;

/// <summary>How a campaign picks each claim's tier (admin API: <c>allocation: "lowest" | "optimised"</c>).</summary>
public enum TierAllocation
{
    /// <summary>Every claim gets the lowest face value: the most coupons per budget.</summary>
    Lowest = 0,

    /// <summary>
    /// The allocation optimiser: the tier (or none) whose predicted conversion uplift beats the paced budget price.
    /// </summary>
    Optimised = 1,
}
