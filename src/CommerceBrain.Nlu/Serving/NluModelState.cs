namespace CommerceBrain.Nlu.Serving;

/// <summary>The silo's NLU models as they come up: starting, then ready (with the engine) or unavailable (with a reason).</summary>
internal sealed class NluModelState
{
    private readonly TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Snapshot current = new(NluModelStatus.Starting, null, "loading or training models");

    public NluModelStatus Status => current.Status;

    /// <summary>The loaded models, or null before they are ready.</summary>
    public NluEngine? Engine => current.Engine;

    /// <summary>What is happening or what went wrong, for operators (no exception text).</summary>
    public string Description => current.Description;

    /// <summary>Completes once the models are ready or known to be unavailable.</summary>
    public Task Settled => settled.Task;

    public void Progress(string description) => current = new Snapshot(NluModelStatus.Starting, null, description);

    public void Ready(NluEngine engine)
    {
        current = new Snapshot(NluModelStatus.Ready, engine, $"{engine.Models.Count} models loaded");
        settled.TrySetResult();
    }

    public void Unavailable(string reason)
    {
        current = new Snapshot(NluModelStatus.Unavailable, null, reason);
        settled.TrySetResult();
    }

    private sealed record Snapshot(NluModelStatus Status, NluEngine? Engine, string Description);
}
