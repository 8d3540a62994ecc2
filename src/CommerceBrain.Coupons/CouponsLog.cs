using Microsoft.Extensions.Logging;

namespace CommerceBrain.Coupons;

/// <summary>The module's log messages (ids, amounts and reasons only; never personal data).</summary>
internal static partial class CouponsLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Campaign {CampaignId} created with budget {Budget} over {Shards} shards")]
    public static partial void CampaignCreated(ILogger logger, string campaignId, long budget, int shards);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Campaign {CampaignId} is now {Status}")]
    public static partial void CampaignStatusChanged(ILogger logger, string campaignId, string status);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Campaign {CampaignId} shard {Shard}: the ledger shows {Spent} spent but only {Leased} leased; the lease is raised to match")]
    public static partial void LeaseReconciled(ILogger logger, string campaignId, int shard, long spent, long leased);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Debug, Message = "Campaign {CampaignId} shard {Shard} leased {Granted} (asked {Wanted})")]
    public static partial void Leased(ILogger logger, string campaignId, int shard, long granted, long wanted);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Campaign {CampaignId} shard {Shard} rebuilt from the ledger: {Count} grants, {Spent} spent of {Leased} leased")]
    public static partial void ShardRebuilt(ILogger logger, string campaignId, int shard, long count, long spent, long leased);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Error, Message = "Campaign {CampaignId} shard {Shard}: a grant's ledger append failed; its budget stays spent")]
    public static partial void AppendFailed(ILogger logger, Exception exception, string campaignId, int shard);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Campaign {CampaignId} coupon {CouponId} returned after a refund")]
    public static partial void CouponReturned(ILogger logger, string campaignId, string couponId);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Order {OrderId} refunded ({RefundId}): coupon {CouponId} return {Outcome}")]
    public static partial void ReturnedOnRefund(ILogger logger, string orderId, string refundId, string couponId, string outcome);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Error, Message = "Coupon {CouponId}: writing its redemption failed; the grain reloads it")]
    public static partial void RedemptionWriteFailed(ILogger logger, Exception exception, string couponId);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Coupons conversion model: training on {Customers} simulated customers (seed {Seed}), first start")]
    public static partial void ModelTraining(ILogger logger, int customers, int seed);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Coupons conversion model {Version} trained in {Seconds:F1} s and saved to {Path}")]
    public static partial void ModelTrained(ILogger logger, string version, double seconds, string path);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Information, Message = "Coupons conversion model {Version} loaded from {Path}; optimised campaigns are served")]
    public static partial void ModelReady(ILogger logger, string version, string path);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Warning, Message = "Coupons conversion model unavailable: {Reason}; optimised campaigns cannot be created or claimed on this silo")]
    public static partial void ModelUnavailable(ILogger logger, Exception? exception, string reason);
}
