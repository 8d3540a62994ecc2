namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// The answer to a lease request: <paramref name="Granted"/> more minor units for the shard (0 when the budget is
/// exhausted or the campaign is not active), the shard's <paramref name="TotalLeased"/> so far, and the current terms.
/// Written to the campaign's state before it is returned.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.budget-lease")]
public sealed record BudgetLease(
    [property: Id(0)] long Granted,
    [property: Id(1)] long TotalLeased,
    [property: Id(2)] bool BudgetExhausted,
    [property: Id(3)] CampaignTerms Terms);
