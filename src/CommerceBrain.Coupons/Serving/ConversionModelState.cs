using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Serving;

/// <summary>This silo's conversion model as it comes up: starting, then ready (with its predictor) or unavailable.</summary>
public sealed class ConversionModelState
{
    private readonly TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Snapshot current = new(ConversionModelStatus.Starting, null, "loading or training the conversion model");

    /// <summary>The status.</summary>
    public ConversionModelStatus Status => current.Status;

    /// <summary>The loaded model's predictor, or null before it is ready.</summary>
    public IConversionPredictor? Predictor => current.Predictor;

    /// <summary>What is happening or what went wrong, for operators (no exception text).</summary>
    public string Description => current.Description;

    /// <summary>Completes once the model is ready or known to be unavailable.</summary>
    public Task Settled => settled.Task;

    /// <summary>Reports progress while starting.</summary>
    public void Progress(string description) => current = new Snapshot(ConversionModelStatus.Starting, null, description);

    /// <summary>The model is loaded.</summary>
    public void Ready(IConversionPredictor predictor, string version)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        current = new Snapshot(ConversionModelStatus.Ready, predictor, $"conversion model {version} loaded");
        settled.TrySetResult();
    }

    /// <summary>The model cannot be served on this silo.</summary>
    public void Unavailable(string reason)
    {
        current = new Snapshot(ConversionModelStatus.Unavailable, null, reason);
        settled.TrySetResult();
    }

    private sealed record Snapshot(ConversionModelStatus Status, IConversionPredictor? Predictor, string Description);
}
