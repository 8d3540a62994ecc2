namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>customer_coupons</c>: a coupon in a customer's wallet.</summary>
internal sealed class CouponRow
{
    public string CouponId { get; init; } = string.Empty;

    public string CustomerId { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public long FaceValueMinor { get; init; }

    public long MinSpendMinor { get; init; }

    public string? MerchantId { get; init; }

    public long ExpiresAtMs { get; init; }

    public string Status { get; init; } = string.Empty;
}
