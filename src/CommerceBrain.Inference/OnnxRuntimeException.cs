namespace CommerceBrain.Inference;

/// <summary>An error reported by ONNX Runtime through an <c>OrtStatus</c>: its error code and its own message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception from ORT's code and message, with an optional note of what we were doing.</summary>
    public OnnxRuntimeException(OrtErrorCode errorCode, string ortMessage, string? context = null)
        : base(context is null ? $"ONNX Runtime error {errorCode}: {ortMessage}" : $"{context}: ONNX Runtime error {errorCode}: {ortMessage}")
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
    }

    /// <summary>ORT's error code.</summary>
    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's message, verbatim.</summary>
    public string OrtMessage { get; }
}
