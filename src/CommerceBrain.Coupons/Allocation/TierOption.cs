namespace CommerceBrain.Coupons.Allocation;

/// <summary>One coupon tier a campaign offers, as the optimiser sees it.</summary>
/// <param name="FaceValue">The coupon's value in minor currency units (&gt; 0).</param>
/// <param name="MinSpend">The minimum basket in minor units for the coupon to apply (informational for the optimiser).</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Coupons.Allocation.TierOption")]
public sealed record TierOption([property: Id(0)] long FaceValue, [property: Id(1)] long MinSpend = 0);
