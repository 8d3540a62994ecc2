using Microsoft.Extensions.Logging;

namespace CommerceBrain.Commerce;

/// <summary>The module's log messages (no personal data: ids and counts only).</summary>
internal static partial class CommerceLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Order {OrderId} created for merchant {MerchantId}")]
    public static partial void OrderCreated(ILogger logger, string orderId, string merchantId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Order {OrderId}: shipment event recorded, status {Status}")]
    public static partial void ShipmentEventRecorded(ILogger logger, string orderId, string status);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Order {OrderId}: refund {RefundId} requested")]
    public static partial void RefundRequested(ILogger logger, string orderId, string refundId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Order {OrderId}: delivery address changed")]
    public static partial void AddressChanged(ILogger logger, string orderId);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Order {OrderId}: refund {RefundId} decided: {Status}; order now {OrderStatus}")]
    public static partial void RefundDecided(ILogger logger, string orderId, string refundId, string status, string orderStatus);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "Order {OrderId}: refund listener {Listener} failed on refund {RefundId}; the refund stays paid")]
    public static partial void RefundListenerFailed(ILogger logger, Exception exception, string orderId, string refundId, string listener);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Order {OrderId}: refund {RefundId} delivered to every listener after {Failures} failed attempts")]
    public static partial void RefundDelivered(ILogger logger, string orderId, string refundId, long failures);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Order {OrderId}: refund {RefundId} delivery failed ({Failures} in a row); retrying in {RetryDelay}")]
    public static partial void RefundDeliveryPostponed(ILogger logger, string orderId, string refundId, long failures, TimeSpan retryDelay);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "Refund sweep: {Orders} orders with owed refund deliveries asked to deliver; {Pending} refunds owed, {Failing} failing")]
    public static partial void RefundSweep(ILogger logger, int orders, long pending, long failing);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Warning, Message = "Refund sweep failed ({Failures} in a row); next sweep in {RetryDelay}")]
    public static partial void RefundSweepFailed(ILogger logger, Exception exception, int failures, TimeSpan retryDelay);

    [LoggerMessage(EventId = 7017, Level = LogLevel.Warning, Message = "Refund sweep: order {OrderId} could not deliver its owed refunds")]
    public static partial void RefundSweepOrderFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Demo data already seeded (version {Version}); nothing to do")]
    public static partial void SeedAlreadyDone(ILogger logger, long version);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "A demo data seed was left unfinished (state {State}); completing it")]
    public static partial void SeedResumed(ILogger logger, string state);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "Seeding demo data: {Percent}% ({Step}, {Rows} of {TotalRows} rows)")]
    public static partial void SeedProgress(ILogger logger, int percent, string step, long rows, long totalRows);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Information, Message = "Demo data seeded: {Merchants} merchants, {Products} products, {Customers} customers, {Orders} orders in {Seconds:F1} s")]
    public static partial void SeedDone(ILogger logger, int merchants, int products, int customers, int orders, double seconds);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Error, Message = "Seeding demo data failed; the commerce health check stays unhealthy")]
    public static partial void SeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Information, Message = "Demo data seeding is switched off (CommerceBrain:Commerce:SeedDemoData)")]
    public static partial void SeedDisabled(ILogger logger);
}
