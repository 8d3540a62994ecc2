using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Inference;

/// <summary>
/// Stops the <see cref="InferenceService"/> with the host. It runs in <see cref="StoppedAsync"/>, after every hosted
/// service (the Orleans silo included) has stopped, so grain calls still finishing during the silo's shutdown are
/// served; queued requests are drained, and when the host's shutdown timeout cancels the token, model runs still in
/// progress are terminated inside ONNX Runtime instead of holding the process.
/// </summary>
internal sealed class InferenceShutdown(InferenceService service) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => service.StopAsync(cancellationToken);
}
