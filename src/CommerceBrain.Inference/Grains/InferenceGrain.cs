using CommerceBrain.Inference.Contracts;
using Orleans.Concurrency;

namespace CommerceBrain.Inference.Grains;

/// <summary>
/// Forwards to the silo's <see cref="IInferenceService"/>. A stateless worker is activated in the calling silo, and
/// reentrancy lets one activation hold many calls at once, so concurrent callers reach the micro-batcher together
/// instead of one at a time.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class InferenceGrain(IInferenceService inference) : Grain, IInferenceGrain
{
    /// <inheritdoc />
    public Task<InferenceResult> Infer(InferenceRequest request, CancellationToken cancellationToken = default) =>
        inference.InferAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
