using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Commerce.Storage;

/// <summary>
/// How enum values are spelt in the tables (snake_case words, stable across renames of the C# members) and back.
/// </summary>
internal static class StoredNames
{
    private static readonly Dictionary<OrderStatus, string> OrderStatuses = new()
    {
        [OrderStatus.PendingPayment] = "pending_payment",
        [OrderStatus.Paid] = "paid",
        [OrderStatus.Shipped] = "shipped",
        [OrderStatus.Delivered] = "delivered",
        [OrderStatus.Completed] = "completed",
        [OrderStatus.Cancelled] = "cancelled",
        [OrderStatus.Refunded] = "refunded",
    };

    private static readonly Dictionary<RefundStatus, string> RefundStatuses = new()
    {
        [RefundStatus.Requested] = "requested",
        [RefundStatus.Approved] = "approved",
        [RefundStatus.Rejected] = "rejected",
        [RefundStatus.Contested] = "contested",
        [RefundStatus.Paid] = "paid",
    };

    private static readonly Dictionary<CouponStatus, string> CouponStatuses = new()
    {
        [CouponStatus.Available] = "available",
        [CouponStatus.Used] = "used",
        [CouponStatus.Expired] = "expired",
    };

    private static readonly Dictionary<AddressChangeOutcome, string> AddressOutcomes = new()
    {
        [AddressChangeOutcome.Changed] = "changed",
        [AddressChangeOutcome.NotFound] = "not_found",
        [AddressChangeOutcome.TooLate] = "too_late",
    };

    public static string Of(OrderStatus status) => OrderStatuses[status];

    public static string Of(RefundStatus status) => RefundStatuses[status];

    public static string Of(CouponStatus status) => CouponStatuses[status];

    public static string Of(AddressChangeOutcome outcome) => AddressOutcomes[outcome];

    public static OrderStatus OrderStatusOf(string stored) => Parse(OrderStatuses, stored);

    public static RefundStatus RefundStatusOf(string stored) => Parse(RefundStatuses, stored);

    public static CouponStatus CouponStatusOf(string stored) => Parse(CouponStatuses, stored);

    public static AddressChangeOutcome AddressOutcomeOf(string stored) => Parse(AddressOutcomes, stored);

    private static T Parse<T>(Dictionary<T, string> names, string stored)
        where T : struct, Enum
    {
        foreach (var (value, name) in names)
        {
            if (string.Equals(name, stored, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"The commerce tables hold an unknown {typeof(T).Name} '{stored}'.");
    }
}
