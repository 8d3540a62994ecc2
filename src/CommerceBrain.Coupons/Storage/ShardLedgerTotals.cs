namespace CommerceBrain.Coupons.Storage;

/// <summary>What the ledger holds for one shard: grants, their amount and the highest sequence number (0 for none).</summary>
internal sealed record ShardLedgerTotals(int Shard, long Count, long Amount, long LastSeq)
{
    public static ShardLedgerTotals Empty(int shard) => new(shard, 0, 0, 0);
}
