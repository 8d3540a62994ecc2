namespace CommerceBrain.Coupons.Contracts;

/// <summary>Why a claim was denied.</summary>
public enum DenialReason
{
    /// <summary>No budget left for another coupon.</summary>
    BudgetExhausted = 0,

    /// <summary>The customer already holds the campaign's per-user limit.</summary>
    PerUserLimit = 1,

    /// <summary>The customer is outside the campaign's segments or not a new customer.</summary>
    NotEligible = 2,

    /// <summary>Paused, closed, or outside its time window.</summary>
    CampaignNotActive = 3,

    /// <summary>There is no such campaign.</summary>
    UnknownCampaign = 4,
}
