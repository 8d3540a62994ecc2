namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>One claim sent over HTTP through <paramref name="Silo"/> and its answer (a null status: no answer at all).</summary>
public sealed record ClaimAnswer(string Silo, string Customer, string Key, int? Status, string? CouponId, long? Value, string? Reason)
{
    /// <summary>201 (granted) or 200 (the same grant again): the customer was told they hold this coupon.</summary>
    public bool Acknowledged => Status is 201 or 200;
}
