namespace CommerceBrain.Inference;

/// <summary>
/// The native ONNX Runtime library (<c>libonnxruntime.so</c>, <c>libonnxruntime.dylib</c> or <c>onnxruntime.dll</c>)
/// could not be loaded: the Microsoft.ML.OnnxRuntime package ships it under <c>runtimes/&lt;rid&gt;/native/</c> for
/// linux-x64/arm64, osx-arm64 and win-x64/arm64 only, and a publish for another runtime identifier leaves it out.
/// </summary>
public sealed class OnnxRuntimeNotFoundException : Exception
{
    /// <summary>Creates the exception with a message that says what is missing and how to get it.</summary>
    public OnnxRuntimeNotFoundException(string message, Exception? inner = null) : base(message, inner) { }
}
