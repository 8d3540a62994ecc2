using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Inference;

/// <summary>The module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named "CommerceBrain.Inference".</summary>
public static class InferenceTelemetry
{
    /// <summary>The name of the source and the meter.</summary>
    public const string Name = "CommerceBrain.Inference";

    /// <summary>Activities around batched model runs.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>The module's instruments.</summary>
    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("inference.requests", description: "Requests completed, by model and outcome");
    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("inference.batch.size", description: "Requests per model run");
    internal static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("inference.run.duration", unit: "ms", description: "Duration of one batched model run");
    internal static readonly Counter<long> ModelsPublished = Meter.CreateCounter<long>("inference.models.published", description: "Model versions published");
}
