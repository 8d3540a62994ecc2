namespace CommerceBrain.Inference;

/// <summary>How an <see cref="OnnxSession"/> is created.</summary>
/// <param name="IntraOpThreads">Threads inside one operator; 1 suits many small concurrent requests (the default).</param>
/// <param name="InterOpThreads">Threads across operators (only used by parallel execution mode).</param>
/// <param name="OptimizationLevel">Graph optimisation level applied when the session loads.</param>
/// <param name="AllowSpinning">Whether ORT's intra-op threads busy-wait for work; off wastes less CPU on a shared box.</param>
public sealed record OnnxSessionSettings(
    int IntraOpThreads = 1,
    int InterOpThreads = 1,
    GraphOptimizationLevel OptimizationLevel = GraphOptimizationLevel.All,
    bool AllowSpinning = false)
{
    /// <summary>The defaults: one intra-op thread, all optimisations, no spinning.</summary>
    public static OnnxSessionSettings Default { get; } = new();
}
