using Orleans.Concurrency;

namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// One of a campaign's budget shards, keyed <c>campaign/k</c>: grants coupons from its lease, appending each grant to
/// the ledger and answering once the row is committed; refills in chunks from the <see cref="ICampaignGrain"/>. On
/// activation it rebuilds what it has spent from the ledger. It holds a bounded number of claims in flight and refuses
/// (busy) beyond that.
/// </summary>
[Alias("coupons.shard")]
public interface IBudgetShardGrain : IGrainWithStringKey
{
    /// <summary>Grants a coupon of the requested tier, or says why not.</summary>
    [Alias("grant")]
    Task<ClaimResult> Grant(ShardGrantRequest request);

    /// <summary>
    /// Returns once no grant for this customer and key is still on its way to the ledger here (a claimant whose
    /// <see cref="Grant"/> call failed asks before it re-reads the ledger, so a late commit cannot slip past it).
    /// </summary>
    [Alias("settle")]
    Task Settle(string customerId, string idempotencyKey);

    /// <summary>The campaign's status changed (pause, resume, close): refuse or grant from now on.</summary>
    [Alias("terms-changed")]
    Task TermsChanged(CampaignTerms terms);

    /// <summary>Counts a denial decided before the shard (per-user limit, eligibility) in the campaign's figures.</summary>
    [OneWay]
    [Alias("denied")]
    Task RecordDenial(DenialReason reason);

    /// <summary>The shard's figures.</summary>
    [ReadOnly]
    [Alias("stats")]
    Task<ShardStats> Stats();
}
