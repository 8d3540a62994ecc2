using Orleans.Concurrency;

namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// A coupon campaign, keyed by campaign id: the authority for how much budget is left to lease out to its shards. A
/// lease is written to the campaign's state before it is returned, and on activation leases are reconciled with the
/// ledger, so Σ granted ≤ Σ leased ≤ budget.
/// </summary>
[Alias("coupons.campaign")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Creates the campaign; null when it already exists.</summary>
    [Alias("create")]
    Task<CampaignView?> Create(CampaignSpec spec);

    /// <summary>Stops granting until <see cref="Resume"/>; null for an unknown campaign.</summary>
    [Alias("pause")]
    Task<CampaignView?> Pause();

    /// <summary>Grants again after a pause (not after a close); null for an unknown campaign.</summary>
    [Alias("resume")]
    Task<CampaignView?> Resume();

    /// <summary>Stops granting for good; null for an unknown campaign.</summary>
    [Alias("close")]
    Task<CampaignView?> Close();

    /// <summary>The campaign and its figures; null when unknown.</summary>
    [Alias("view")]
    Task<CampaignView?> View();

    /// <summary>The spec and status, for shards and claimants; null when unknown.</summary>
    [AlwaysInterleave]
    [Alias("terms")]
    Task<CampaignTerms?> Terms();

    /// <summary>What shard <paramref name="shard"/> holds so far (no new budget); its lease is rebuilt from this.</summary>
    [AlwaysInterleave]
    [Alias("shard-lease")]
    Task<BudgetLease?> ShardLease(int shard);

    /// <summary>Leases up to <paramref name="wanted"/> more minor units to <paramref name="shard"/>, durably.</summary>
    [Alias("lease")]
    Task<BudgetLease?> LeaseBudget(int shard, long wanted);
}
