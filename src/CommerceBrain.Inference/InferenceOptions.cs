namespace CommerceBrain.Inference;

/// <summary>Inference settings, bound from the configuration section <c>CommerceBrain:Inference</c>.</summary>
public sealed class InferenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CommerceBrain:Inference";

    /// <summary>Most requests combined into one model run.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>How long a batch that is not full waits for more requests after its first; zero runs at once.</summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(0.5);

    /// <summary>Requests queued per model before callers wait for room (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>Batches of one model that may run at the same time (sessions are thread-safe).</summary>
    public int RunnersPerModel { get; set; } = 2;

    /// <summary>ORT intra-op threads per session; 1 suits many small concurrent runs.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>ORT graph optimisation level for sessions.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; set; } = GraphOptimizationLevel.All;

    /// <summary>Models to publish at start-up: name → path of an .onnx file (version = the file's content hash).</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MaxBatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, $"{SectionName}:MaxBatchSize must be at least 1.");
        if (MaxBatchWait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxBatchWait), MaxBatchWait, $"{SectionName}:MaxBatchWait must not be negative.");
        if (QueueCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, $"{SectionName}:QueueCapacity must be at least 1.");
        if (RunnersPerModel < 1)
            throw new ArgumentOutOfRangeException(nameof(RunnersPerModel), RunnersPerModel, $"{SectionName}:RunnersPerModel must be at least 1.");
        if (IntraOpThreads < 0)
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, $"{SectionName}:IntraOpThreads must not be negative (0 lets ORT choose).");
    }

    internal OnnxSessionSettings SessionSettings => new(IntraOpThreads, 1, OptimizationLevel);
}
