namespace CommerceBrain.Inference.Tests.Models;

/// <summary>Graphs with unusual batch layouts.</summary>
internal static class FixedBatchModels
{
    // x[1,3] (fixed batch of one) → logits = x·W + b.
    public static byte[] BatchOfOneLinear() => new OnnxModelWriter()
        .Input("x", OnnxModelWriter.DataType.Float, 1L, 3L)
        .Output("logits", OnnxModelWriter.DataType.Float, 1L, 2L)
        .FloatInitializer("W", TestModels.W, 3, 2)
        .FloatInitializer("b", TestModels.B, 2)
        .Node("MatMul", ["x", "W"], ["xw"])
        .Node("Add", ["xw", "b"], ["logits"])
        .Build();
}
