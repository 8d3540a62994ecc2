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
}
