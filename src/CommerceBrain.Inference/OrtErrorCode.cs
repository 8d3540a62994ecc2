namespace CommerceBrain.Inference;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c> (same numeric values as the C API).</summary>
[GenerateSerializer]
[Alias("CommerceBrain.Inference.OrtErrorCode")]
public enum OrtErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    EpFail = 11,
    ModelLoadCanceled = 12,
    ModelRequiresCompilation = 13,
}
