using System.Data.Common;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Storage;
using CommerceBrain.Storage.GroupCommit;

namespace CommerceBrain.Coupons.Storage;

/// <summary>
/// The grant ledger (<c>coupon_grants</c>): appends go through one group-commit writer per silo, so a grant is
/// acknowledged once its row is committed while thousands of grants share each transaction; reads rebuild shards,
/// reconcile campaigns and load a customer's grants.
/// </summary>
internal sealed class CouponLedger : IAsyncDisposable
{
    internal static readonly AppendOnlyTable<GrantRow> Table = new("coupon_grants",
    [
        new("campaign_id", AppendColumnType.Text, r => r.Grant.CampaignId),
        new("shard", AppendColumnType.Integer, r => (long)r.Shard),
        new("seq", AppendColumnType.Integer, r => r.Seq),
        new("coupon_id", AppendColumnType.Text, r => r.Grant.CouponId),
        new("customer_id", AppendColumnType.Text, r => r.Grant.CustomerId),
        new("idempotency_key", AppendColumnType.Text, r => r.Grant.IdempotencyKey),
        new("value", AppendColumnType.Integer, r => r.Grant.Value),
        new("tier", AppendColumnType.Integer, r => (long)r.Grant.Tier),
        new("expires_at", AppendColumnType.Timestamp, r => r.Grant.ExpiresAt),
        new("at", AppendColumnType.Timestamp, r => r.Grant.GrantedAt),
        new("channel", AppendColumnType.Text, r => r.Grant.Channel),
    ]);

    private const string ShardSql =
        "SELECT CAST(count(*) AS bigint), CAST(coalesce(sum(value), 0) AS bigint), CAST(coalesce(max(seq), 0) AS bigint) FROM coupon_grants WHERE campaign_id = @campaign AND shard = @shard";

    private const string CampaignSql =
        "SELECT shard, CAST(count(*) AS bigint), CAST(coalesce(sum(value), 0) AS bigint), CAST(coalesce(max(seq), 0) AS bigint) FROM coupon_grants WHERE campaign_id = @campaign GROUP BY shard";

    private const string CustomerSql =
        "SELECT coupon_id, idempotency_key, value, tier, expires_at, at, channel FROM coupon_grants " +
        "WHERE campaign_id = @campaign AND customer_id = @customer ORDER BY at, coupon_id";

    private readonly StorageDatabase database;
    private readonly GroupCommitWriter<GrantRow> writer;

    public CouponLedger(StorageDatabase database, IGroupCommitWriterFactory writers)
    {
        this.database = database;
        writer = writers.Create(Table);
    }

    /// <summary>Appends <paramref name="row"/>; completes once it is committed.</summary>
    public Task AppendAsync(GrantRow row, CancellationToken cancellationToken = default) => writer.AppendAsync(row, cancellationToken);

    /// <summary>What the ledger holds for one shard.</summary>
    public async Task<ShardLedgerTotals> ShardTotalsAsync(string campaignId, int shard, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(ShardSql, ("campaign", campaignId), ("shard", (long)shard));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ShardLedgerTotals(shard, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
            : ShardLedgerTotals.Empty(shard);
    }

    /// <summary>What the ledger holds per shard of a campaign (shards without grants are absent).</summary>
    public async Task<IReadOnlyList<ShardLedgerTotals>> CampaignTotalsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(CampaignSql, ("campaign", campaignId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new List<ShardLedgerTotals>();
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new ShardLedgerTotals((int)reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return totals;
    }

    /// <summary>A customer's grants in a campaign, oldest first (min spend is left 0: the tier names it).</summary>
    public async Task<IReadOnlyList<CouponGrant>> CustomerGrantsAsync(string campaignId, string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(CustomerSql, ("campaign", campaignId), ("customer", customerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var grants = new List<CouponGrant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add(new CouponGrant(
                reader.GetString(0), campaignId, customerId, reader.GetString(1), reader.GetInt64(2), 0,
                (int)reader.GetInt64(3), reader.GetTimestamp(4), reader.GetTimestamp(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return grants;
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
