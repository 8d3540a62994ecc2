namespace CommerceBrain.Coupons.Api;

/// <summary>A tier in a campaign request: face value off an order of at least min spend (minor units).</summary>
public sealed record TierRequest(long? FaceValue, long? MinSpend);
