using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Api;

/// <summary>The API's names for statuses and denial reasons.</summary>
internal static class ApiNames
{
    public const string Lowest = "lowest";
    public const string Optimised = "optimised";

    public static string Of(TierAllocation allocation) => allocation == TierAllocation.Optimised ? Optimised : Lowest;

    public static string Of(CampaignStatus status) => status switch
    {
        CampaignStatus.Active => "active",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Closed => "closed",
        _ => "none",
    };

    public static string Of(DenialReason reason) => reason switch
    {
        DenialReason.BudgetExhausted => "budget_exhausted",
        DenialReason.PerUserLimit => "per_user_limit",
        DenialReason.NotEligible => "not_eligible",
        DenialReason.CampaignNotActive => "campaign_not_active",
        _ => "unknown_campaign",
    };

    public static string Of(RedemptionOutcome outcome) => outcome switch
    {
        RedemptionOutcome.AlreadyRedeemed => "already_redeemed",
        RedemptionOutcome.Expired => "expired",
        RedemptionOutcome.BelowMinSpend => "below_min_spend",
        RedemptionOutcome.NotFound => "not_found",
        _ => "redeemed",
    };

    public static string Of(ReturnOutcome outcome) => outcome switch
    {
        ReturnOutcome.NotRedeemed => "not_redeemed",
        ReturnOutcome.NotReturnable => "not_returnable",
        ReturnOutcome.Expired => "expired",
        ReturnOutcome.NotFound => "not_found",
        _ => "returned",
    };
}
