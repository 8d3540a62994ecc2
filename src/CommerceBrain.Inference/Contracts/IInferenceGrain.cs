namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// The grain-shaped door to inference, keyed by model name (<c>GetGrain&lt;IInferenceGrain&gt;("intent")</c>). It is a
/// reentrant stateless worker, so calls stay in the calling silo and reach that silo's micro-batcher concurrently.
/// Code that can take <see cref="IInferenceService"/> from DI may call it directly and skip the grain hop.
/// </summary>
[Alias("CommerceBrain.Inference.IInferenceGrain")]
public interface IInferenceGrain : IGrainWithStringKey
{
    /// <summary>Runs one example through the current version of the model named by this grain's key.</summary>
    /// <param name="request">The example.</param>
    /// <param name="cancellationToken">Cancels the call; a request still queued for its batch is then skipped.</param>
    /// <exception cref="ModelNotFoundException">No model of that name is published.</exception>
    /// <exception cref="ArgumentException">The request does not fit the model's inputs.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run.</exception>
    [Alias("Infer")]
    Task<InferenceResult> Infer(InferenceRequest request, CancellationToken cancellationToken = default);
}
