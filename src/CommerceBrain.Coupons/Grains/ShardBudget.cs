namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// A shard's in-memory budget: what its campaign leased to it and what it has spent (committed or in flight). A grant
/// reserves its value before its row is appended and never gives it back, so spent ≤ leased always, even when an
/// append fails.
/// </summary>
internal sealed class ShardBudget(long leased, long spent, long lastSeq)
{
    public long Leased { get; private set; } = leased;

    public long Spent { get; private set; } = spent;

    public long LastSeq { get; private set; } = lastSeq;

    public long Available => Leased - Spent;

    /// <summary>Takes <paramref name="value"/> from the lease and the next sequence number; false when the lease is short.</summary>
    public bool TryReserve(long value, out long seq)
    {
        if (value <= 0 || value > Available)
        {
            seq = 0;
            return false;
        }

        Spent += value;
        seq = ++LastSeq;
        return true;
    }

    /// <summary>The campaign's answer to a refill: its total lease to this shard (never lowers it).</summary>
    public void LeasedTotal(long totalLeased) => Leased = Math.Max(Leased, totalLeased);

    /// <summary>Whether to ask for more before running dry: less than a quarter chunk (and at least one coupon) left.</summary>
    public bool ShouldRefill(long chunk, long largestFaceValue) => Available < Math.Max(chunk / 4, largestFaceValue);

    /// <summary>
    /// The chunk a shard asks for: about budget ÷ (shards × chunks per shard), at least the largest face value, so
    /// one refill always covers one coupon.
    /// </summary>
    public static long Chunk(long budget, int shards, int chunksPerShard, long largestFaceValue) =>
        Math.Max(largestFaceValue, budget / Math.Max(1, (long)shards * Math.Max(1, chunksPerShard)));
}
