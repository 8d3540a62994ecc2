namespace CommerceBrain.Inference;

/// <summary>Tensor element types (the values of ONNX <c>TensorProto.DataType</c> and ORT's <c>ONNXTensorElementDataType</c>).</summary>
[GenerateSerializer]
[Alias("CommerceBrain.Inference.TensorElementType")]
public enum TensorElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
}
