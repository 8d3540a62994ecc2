namespace CommerceBrain.Inference;

/// <summary>The native ONNX Runtime library is missing, cannot be loaded, or is too old for API version 22.</summary>
public sealed class OnnxRuntimeNotFoundException : Exception
{
    /// <summary>Creates the exception with a message that says where the library was looked for.</summary>
    public OnnxRuntimeNotFoundException(string message, Exception? inner = null) : base(message, inner) { }
}
