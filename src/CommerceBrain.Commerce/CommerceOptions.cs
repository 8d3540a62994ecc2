namespace CommerceBrain.Commerce;

/// <summary>Commerce settings, bound from configuration section <c>CommerceBrain:Commerce</c>.</summary>
public sealed class CommerceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "CommerceBrain:Commerce";

    /// <summary>Seed the demo data on the first start of an empty database (in the background, after the silo started).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Rows the seeder inserts per transaction.</summary>
    public int SeedBatchRows { get; set; } = 5000;

    /// <summary>How long one <see cref="Contracts.IOrderRefundListener"/> may take before it is cancelled (and logged as failed).</summary>
    public TimeSpan RefundListenerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each silo looks for paid refunds whose listeners are still owed (failed, or cut off by a crash) and asks
    /// their order grains to deliver them. Zero or negative switches the sweeper off (order grains still deliver on activation).
    /// </summary>
    public TimeSpan RefundSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most owed refunds one sweep takes (oldest due first).</summary>
    public int RefundSweepBatchSize { get; set; } = 100;

    /// <summary>Wait before the first retry of a failed delivery; doubled after every further failure.</summary>
    public TimeSpan RefundRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between retries of a failed delivery.</summary>
    public TimeSpan RefundMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait before the <paramref name="failures"/>-th retry (1 = the first): doubling from <see cref="RefundRetryDelay"/>, capped.</summary>
    public TimeSpan RetryDelayAfter(long failures)
    {
        var doublings = (int)Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(RefundRetryDelay.Ticks * (1L << Math.Min(doublings, 20)), RefundMaxRetryDelay.Ticks);
        return TimeSpan.FromTicks(Math.Max(ticks, 0));
    }
}
