namespace CommerceBrain.Inference;

/// <summary>An error reported by ONNX Runtime (an <c>OrtStatus</c>): its error code and its own message.</summary>
/// <remarks>Serializable, so a grain call rethrows it at the caller.</remarks>
[GenerateSerializer]
[Alias("CommerceBrain.Inference.OnnxRuntimeException")]
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception from ORT's code and message, with an optional note of what we were doing.</summary>
    public OnnxRuntimeException(OrtErrorCode errorCode, string ortMessage, string? context = null, Exception? inner = null)
        : base(context is null ? $"ONNX Runtime error {errorCode}: {ortMessage}" : $"{context}: ONNX Runtime error {errorCode}: {ortMessage}", inner)
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
    }

    /// <summary>ORT's error code.</summary>
    [Id(0)]
    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's message, verbatim.</summary>
    [Id(1)]
    public string OrtMessage { get; }
}
