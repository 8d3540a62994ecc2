namespace CommerceBrain.Coupons;

/// <summary>Coupon budget settings, bound from <c>CommerceBrain:Coupons</c>.</summary>
public sealed class CouponsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:Coupons";

    /// <summary>Budget shards of a campaign that does not say (each a grain with its own lease and in-flight queue).</summary>
    public int DefaultShards { get; set; } = 8;

    /// <summary>
    /// Claims per second one shard is planned for when a campaign gives <c>expectedClaimsPerSecond</c> instead of
    /// <c>shards</c>: K = ⌈expected ÷ this⌉. One shard grant is a few microseconds of grain time, but a shard is one
    /// activation on one silo: more shards spread a hot campaign over the cluster's silos and cores.
    /// </summary>
    public int ClaimsPerSecondPerShard { get; set; } = 2_000;

    /// <summary>The most shards a campaign may ask for.</summary>
    public int MaxShards { get; set; } = 256;

    /// <summary>
    /// Claims one shard grain holds in flight (waiting for their ledger commit) before it refuses with 429: a bounded
    /// queue instead of one that grows until the silo falls over.
    /// </summary>
    public int MaxInFlightPerShard { get; set; } = 4096;

    /// <summary>A shard asks the campaign for about budget ÷ (shards × this) per refill: smaller chunks leave less
    /// budget stranded in idle shards, larger ones mean fewer lease writes.</summary>
    public int LeaseChunksPerShard { get; set; } = 8;

    /// <summary>How long a granted coupon stays valid when the campaign does not say.</summary>
    public TimeSpan DefaultCouponValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The <c>Retry-After</c> given with a 429.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The optimiser's starting budget price λ0 (expected conversions per minor unit) for an optimised campaign; the
    /// pacing controller moves λ within [λ0 / 20, 20 · λ0]. Take it from an offline solve on a forecast sample.
    /// </summary>
    public double OptimiserInitialLambda { get; set; } = 3.7e-4;

    /// <summary>Orders the optimiser reads per customer to derive recent-order features (last 90 days).</summary>
    public int OptimiserRecentOrders { get; set; } = 50;

    /// <summary>The basket (minor units) assumed for a customer without recent orders.</summary>
    public long OptimiserTypicalBasket { get; set; } = 4000;

    /// <summary>
    /// The price sensitivity (0…1) assumed for every customer: the commerce module does not record discounts per order yet.
    /// </summary>
    public double OptimiserPriceSensitivity { get; set; } = 0.5;
}
