namespace CommerceBrain.Silo.Operations;

/// <summary>The operations page's metrics (<c>CommerceBrain:Operations</c>).</summary>
public sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:Operations";

    /// <summary>How much history the page can show, in seconds (15 minutes): the ring's size in 1-s buckets.</summary>
    public const int RetentionSeconds = 900;

    /// <summary>How often each silo pushes its sealed buckets to the cluster's metrics grain.</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the metrics grain samples queue lengths and activations per silo.</summary>
    public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo that has not pushed for this long is shown as not reporting (its history stays until it ages out).</summary>
    public TimeSpan SiloStaleAfter { get; set; } = TimeSpan.FromSeconds(10);
}
