namespace CommerceBrain.Coupons.Allocation;

/// <summary>When a coupon's face value is charged to the campaign budget.</summary>
public enum CostBasis
{
    /// <summary>
    /// At grant: the whole face value, converted or not. This is how the claims ledger counts (Σ granted ≤ budget), so
    /// the optimiser's default: its budget is then a hard bound, not an expectation.
    /// </summary>
    AtGrant = 0,

    /// <summary>At redemption: face value × conversion probability, an expected cost (budgets that pay only for redeemed coupons).</summary>
    AtRedemption = 1,
}
