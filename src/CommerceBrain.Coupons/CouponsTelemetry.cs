using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Coupons;

/// <summary>The coupons module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>.</summary>
public static class CouponsTelemetry
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "CommerceBrain.Coupons";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Grants = Meter.CreateCounter<long>("commercebrain.coupons.grants", "{coupon}", "Coupons granted (ledger row committed).");
    internal static readonly Counter<long> GrantedAmount = Meter.CreateCounter<long>("commercebrain.coupons.granted_amount", "{minor_unit}", "Face value granted.");
    internal static readonly Counter<long> Denials = Meter.CreateCounter<long>("commercebrain.coupons.denials", "{claim}", "Claims denied, by reason.");
    internal static readonly Counter<long> Refused = Meter.CreateCounter<long>("commercebrain.coupons.busy", "{claim}", "Claims refused with 429 because a shard was full or over the rate ceiling.");
    internal static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("commercebrain.coupons.redemptions", "{coupon}", "Coupons redeemed at checkout (record committed).");
    internal static readonly Counter<long> RedeemedAmount = Meter.CreateCounter<long>("commercebrain.coupons.redeemed_amount", "{minor_unit}", "Amount taken off orders by coupons.");
    internal static readonly Counter<long> RedemptionsRefused = Meter.CreateCounter<long>("commercebrain.coupons.redemptions_refused", "{redemption}", "Redemptions refused, by outcome.");
    internal static readonly Counter<long> Returns = Meter.CreateCounter<long>("commercebrain.coupons.returns", "{coupon}", "Coupons given back after a refund.");
    internal static readonly Counter<long> Leases = Meter.CreateCounter<long>("commercebrain.coupons.leases", "{lease}", "Budget leases written by campaigns.");
}
