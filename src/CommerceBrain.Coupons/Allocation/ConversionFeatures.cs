namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// The conversion model's input vector for one (customer, coupon face value) pair. The face value enters relative to
/// the customer's basket and interacted with the segment and price sensitivity, so one model scores any tier a campaign
/// defines, not only the ones it was trained on.
/// </summary>
public static class ConversionFeatures
{
    /// <summary>Length of the vector.</summary>
    public const int Count = 13;

    /// <summary>Writes the vector of (<paramref name="customer"/>, <paramref name="faceValue"/>) into <paramref name="into"/>.</summary>
    public static void Write(in CustomerFeatures customer, long faceValue, Span<float> into)
    {
        var isNew = customer.Segment == CustomerSegment.New ? 1.0 : 0.0;
        var isVip = customer.Segment == CustomerSegment.Vip ? 1.0 : 0.0;
        var s = customer.PriceSensitivity;
        // Capped: past two baskets the coupon is a gift card and the training data has nothing to say.
        var r = Math.Min(2.0, (double)Math.Max(0, faceValue) / customer.AverageOrderValue);
        var sr = Math.Sqrt(r);
        into[0] = (float)isNew;
        into[1] = (float)isVip;
        into[2] = (float)Math.Log(1 + customer.RecentOrders);
        into[3] = (float)(Math.Min(customer.DaysSinceLastOrder, 120) / 30.0);
        into[4] = (float)s;
        into[5] = (float)r;
        into[6] = (float)sr;
        into[7] = (float)(s * sr);
        into[8] = (float)(isNew * sr);
        into[9] = (float)(isVip * sr);
        into[10] = (float)(s * r);
        into[11] = (float)(s * s * sr);
        into[12] = (float)Math.Log(customer.AverageOrderValue / 4000.0);
    }
}
