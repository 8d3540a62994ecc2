namespace CommerceBrain.Inference.Tests.Models;

/// <summary>Graphs that never finish on their own, to test that a run in progress can be terminated.</summary>
internal static class SlowModels
{
    public const int Size = 64;

    /// <summary>
    /// x float [batch, 64] → Loop(M = long.MaxValue) { x = x · W } → y [batch, 64]. Each iteration is one MatMul (ORT checks the
    /// terminate flag between nodes, inside the loop body too); the loop as a whole would take far longer than any test.
    /// </summary>
    public static byte[] EndlessMatMulLoop()
    {
        var body = new OnnxModelWriter()
            .Input("i", OnnxModelWriter.DataType.Int64)
            .Input("cond_in", OnnxModelWriter.DataType.Bool)
            .Input("x_in", OnnxModelWriter.DataType.Float, "batch", (long)Size)
            .Output("cond_out", OnnxModelWriter.DataType.Bool)
            .Output("x_out", OnnxModelWriter.DataType.Float, "batch", (long)Size)
            .Node("Identity", ["cond_in"], ["cond_out"])
            .Node("MatMul", ["x_in", "W"], ["x_out"])
            .BuildGraph("body");
        var identity = new float[Size * Size];
        for (var i = 0; i < Size; i++)
            identity[i * Size + i] = 1f; // keeps the values finite, so every iteration does the same work
        return new OnnxModelWriter()
            .Input("x", OnnxModelWriter.DataType.Float, "batch", (long)Size)
            .Output("y", OnnxModelWriter.DataType.Float, "batch", (long)Size)
            .FloatInitializer("W", identity, Size, Size)
            .Int64Scalar("M", long.MaxValue)
            .Node("Loop", ["M", "", "x"], ["y"], ("body", new OnnxModelWriter.Subgraph(body)))
            .Build();
    }

    public static TensorInput Input() => TensorInput.Float("x", new float[Size], 1, Size);

    public static Contracts.InferenceRequest Request() => Contracts.InferenceRequest.Of(Contracts.InputRow.Float("x", new float[Size]));
}
