using Orleans.Concurrency;

namespace CommerceBrain.Silo.Operations;

/// <summary>
/// The cluster's operations metrics, one grain per cluster (<see cref="ClusterKey"/>), in memory only: every silo pushes
/// its finished seconds here, the grain samples queue lengths and activations per silo, and the operations endpoint of
/// any silo reads the whole cluster from it. Lost on deactivation; the silos then push their rings again.
/// </summary>
[Alias("operations.metrics")]
public interface IOperationsMetricsGrain : IGrainWithStringKey
{
    /// <summary>The one key.</summary>
    const string ClusterKey = "cluster";

    /// <summary>
    /// Takes a silo's seconds (replacing any already held for the same seconds). Returns the newest second now held for
    /// that silo, the point after which its next report starts; 0 asks the silo for everything it holds (this grain is
    /// new and the report was not complete).
    /// </summary>
    [Alias("push")]
    Task<long> Push(SiloMetricsReport report);

    /// <summary>The cluster's seconds from <paramref name="sinceSecond"/> (Unix seconds) on, merged across silos, with the gauges and the silo table.</summary>
    [ReadOnly]
    [Alias("read")]
    Task<OperationsSnapshot> Read(long sinceSecond);
}
