using System.Data.Common;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Storage;

namespace CommerceBrain.Coupons.Storage;

/// <summary>
/// Reads grants by coupon id and by customer from <c>coupon_grants</c>, and reads and writes
/// <c>coupon_redemptions</c>. Each write is committed before it returns; only a coupon's redemption grain writes its row.
/// </summary>
internal sealed class RedemptionStore(StorageDatabase database)
{
    private const string GrantSql =
        "SELECT coupon_id, customer_id, idempotency_key, value, tier, expires_at, at FROM coupon_grants " +
        "WHERE campaign_id = @campaign AND shard = @shard AND seq = @seq";

    private const string RedemptionSql =
        "SELECT coupon_id, order_id, customer_id, amount, at, returned_at FROM coupon_redemptions WHERE coupon_id = @coupon";

    private const string UpsertSql =
        "INSERT INTO coupon_redemptions (coupon_id, order_id, customer_id, amount, at, returned_at) " +
        "VALUES (@coupon, @order, @customer, @amount, @at, NULL) " +
        "ON CONFLICT (coupon_id) DO UPDATE SET order_id = excluded.order_id, customer_id = excluded.customer_id, " +
        "amount = excluded.amount, at = excluded.at, returned_at = NULL";

    private const string ReturnSql =
        "UPDATE coupon_redemptions SET returned_at = @at WHERE coupon_id = @coupon AND order_id = @order AND returned_at IS NULL";

    private const string ByOrderSql =
        "SELECT coupon_id FROM coupon_redemptions WHERE order_id = @order AND customer_id = @customer ORDER BY coupon_id";

    private const string CustomerSql =
        "SELECT g.coupon_id, g.campaign_id, g.idempotency_key, g.value, g.tier, g.expires_at, g.at, " +
        "r.order_id, r.amount, r.at, r.returned_at FROM coupon_grants g " +
        "LEFT JOIN coupon_redemptions r ON r.coupon_id = g.coupon_id " +
        "WHERE g.customer_id = @customer ORDER BY g.at, g.coupon_id";

    /// <summary>The grant behind <paramref name="couponId"/> (min spend left 0: the tier names it); null when there is none.</summary>
    public async Task<CouponGrant?> GrantAsync(string couponId, CancellationToken cancellationToken = default)
    {
        if (!CouponIds.TryParse(couponId, out var campaignId, out var shard, out var seq))
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(GrantSql, ("campaign", campaignId), ("shard", (long)shard), ("seq", seq));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        // The primary key is guessable; the random tail of the id is not, so it must match too.
        if (!await reader.ReadAsync(cancellationToken) || !string.Equals(reader.GetString(0), couponId, StringComparison.Ordinal))
        {
            return null;
        }

        return new CouponGrant(couponId, campaignId, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), 0,
            (int)reader.GetInt64(4), reader.GetTimestamp(5), reader.GetTimestamp(6));
    }

    /// <summary>The coupon's redemption record; null when it was never redeemed.</summary>
    public async Task<RedemptionRow?> RedemptionAsync(string couponId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(RedemptionSql, ("coupon", couponId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RedemptionRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetTimestamp(4),
                reader.IsDBNull(5) ? null : reader.GetTimestamp(5))
            : null;
    }

    /// <summary>Records <paramref name="row"/> as the coupon's redemption (replacing a returned one); committed on return.</summary>
    public Task WriteRedemptionAsync(RedemptionRow row, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(UpsertSql, ("coupon", row.CouponId), ("order", row.OrderId),
                ("customer", row.CustomerId), ("amount", row.Amount), ("at", Timestamp(row.At)));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    /// <summary>Marks the coupon's redemption by <paramref name="orderId"/> returned; committed on return.</summary>
    public Task<bool> WriteReturnAsync(string couponId, string orderId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(ReturnSql, ("coupon", couponId), ("order", orderId), ("at", Timestamp(at)));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);

    /// <summary>
    /// The coupons <paramref name="customerId"/> redeemed on <paramref name="orderId"/> (held or already returned). A
    /// coupon redeemed again on a later order names that order instead, so it is not listed here.
    /// </summary>
    public async Task<IReadOnlyList<string>> CouponsRedeemedOnAsync(string orderId, string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(ByOrderSql, ("order", orderId), ("customer", customerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var coupons = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            coupons.Add(reader.GetString(0));
        }

        return coupons;
    }

    /// <summary>Every coupon granted to <paramref name="customerId"/>, oldest first, with its redemption if any.</summary>
    public async Task<IReadOnlyList<CustomerCouponRow>> CustomerCouponsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(CustomerSql, ("customer", customerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CustomerCouponRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var couponId = reader.GetString(0);
            var grant = new CouponGrant(couponId, reader.GetString(1), customerId, reader.GetString(2), reader.GetInt64(3), 0,
                (int)reader.GetInt64(4), reader.GetTimestamp(5), reader.GetTimestamp(6));
            var redemption = reader.IsDBNull(7)
                ? null
                : new RedemptionRow(couponId, reader.GetString(7), customerId, reader.GetInt64(8), reader.GetTimestamp(9),
                    reader.IsDBNull(10) ? null : reader.GetTimestamp(10));
            rows.Add(new CustomerCouponRow(grant, redemption));
        }

        return rows;
    }

    // SQLite keeps unix milliseconds, PostgreSQL a timestamptz (Npgsql wants it in UTC).
    private object Timestamp(DateTimeOffset at) =>
        database.Provider == StorageProviderKind.Sqlite ? at.ToUnixTimeMilliseconds() : at.ToUniversalTime();
}
