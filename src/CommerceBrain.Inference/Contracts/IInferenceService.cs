namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// The silo-local door to model inference. Requests for one model are micro-batched: many concurrent callers share
/// one model run. Safe to call from any grain or thread.
/// </summary>
public interface IInferenceService
{
    /// <summary>Runs <paramref name="request"/> through the current version of <paramref name="model"/>.</summary>
    /// <exception cref="ModelNotFoundException">No model of that name is published.</exception>
    /// <exception cref="ArgumentException">The request does not fit the model's inputs (names, types, shapes).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run (its code and message).</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled, or the service stopped and terminated the run.</exception>
    /// <exception cref="ObjectDisposedException">The service is stopping or stopped.</exception>
    Task<InferenceResult> InferAsync(string model, InferenceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The current version of <paramref name="model"/>, or null when it is not published.</summary>
    ModelInfo? FindModel(string model);
}
