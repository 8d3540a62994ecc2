using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// A campaign's durable state and its budget rules: what was leased to each shard. Σ leased never exceeds the budget,
/// and a shard's lease never falls below what the ledger shows it granted.
/// </summary>
[GenerateSerializer]
[Alias("coupons.campaign-state")]
public sealed class CampaignState
{
    [Id(0)] public CampaignSpec? Spec { get; set; }
    [Id(1)] public CampaignStatus Status { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public Dictionary<int, long> Leased { get; set; } = [];
    [Id(4)] public long StatusVersion { get; set; }

    public long TotalLeased => Leased.Values.Sum();

    public long Unleased => Spec is null ? 0 : Math.Max(0, Spec.Budget - TotalLeased);

    public long LeasedTo(int shard) => Leased.GetValueOrDefault(shard);

    /// <summary>Leases up to <paramref name="wanted"/> to <paramref name="shard"/>: what is left, never more, nothing when not active.</summary>
    public long Lease(int shard, long wanted)
    {
        if (Spec is null || Status != CampaignStatus.Active || wanted <= 0 || shard < 0 || shard >= Spec.Shards)
        {
            return 0;
        }

        var granted = Math.Min(wanted, Unleased);
        if (granted > 0)
        {
            Leased[shard] = LeasedTo(shard) + granted;
        }

        return granted;
    }

    /// <summary>
    /// Raises a shard's lease to what the ledger shows it spent (the ledger is the truth); returns the shards raised.
    /// </summary>
    public IReadOnlyList<(int Shard, long Spent, long Leased)> Reconcile(IEnumerable<(int Shard, long Spent)> spent)
    {
        var raised = new List<(int, long, long)>();
        foreach (var (shard, amount) in spent)
        {
            var leased = LeasedTo(shard);
            if (amount > leased)
            {
                raised.Add((shard, amount, leased));
                Leased[shard] = amount;
            }
        }

        return raised;
    }

    public CampaignTerms? Terms(string campaignId) => Spec is null ? null : new CampaignTerms(campaignId, Spec, Status) { Version = StatusVersion };
}
