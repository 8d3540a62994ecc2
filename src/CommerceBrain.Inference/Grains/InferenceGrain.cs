using CommerceBrain.Actors;
using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Inference.Grains;

/// <summary>Forwards to the silo's <see cref="IInferenceService"/>; reentrant so one activation never serialises callers.</summary>
[StatelessWorker]
[Reentrant]
public sealed class InferenceGrain(IInferenceService inference) : Grain, IInferenceGrain
{
    /// <inheritdoc />
    public Task<InferenceResult> Infer(InferenceRequest request) => inference.InferAsync(GrainId.Key, request);
}
