using CommerceBrain.Actors;

namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// The grain-shaped door to inference, keyed by model name (<c>GetGrain&lt;IInferenceGrain&gt;("intent")</c>). It is a
/// reentrant stateless worker, so calls stay in the calling silo and reach that silo's micro-batcher concurrently.
/// Code that can take <see cref="IInferenceService"/> from DI may call it directly and skip the grain hop.
/// </summary>
public interface IInferenceGrain : IGrainWithStringKey
{
    /// <summary>Runs one example through the current version of the model named by this grain's key.</summary>
    /// <exception cref="ModelNotFoundException">No model of that name is published.</exception>
    /// <exception cref="ArgumentException">The request does not fit the model's inputs.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run.</exception>
    Task<InferenceResult> Infer(InferenceRequest request);
}
