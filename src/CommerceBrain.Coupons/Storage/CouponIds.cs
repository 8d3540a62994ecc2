using System.Globalization;

namespace CommerceBrain.Coupons.Storage;

/// <summary>Reads the ledger's primary key out of a coupon id (<c>campaign.shard.seq.tail</c>).</summary>
internal static class CouponIds
{
    private const int MaxLength = 128;

    public static bool TryParse(string? couponId, out string campaignId, out int shard, out long seq)
    {
        campaignId = "";
        shard = 0;
        seq = 0;
        if (couponId is null || couponId.Length > MaxLength)
        {
            return false;
        }

        var parts = couponId.Split('.');
        if (parts.Length != 4 || parts[0].Length == 0 || parts[3].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out shard)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out seq))
        {
            return false;
        }

        campaignId = parts[0];
        return true;
    }
}
