using CommerceBrain.Inference.Tests.Models;

namespace CommerceBrain.Inference.Benchmarks;

/// <summary>An NLU-sized graph with random weights: padded ids → embedding-bag mean → dense + ReLU → softmax.</summary>
internal static class BenchmarkModel
{
    public const int Vocabulary = 100_000;
    public const int Dim = 64;
    public const int Classes = 40;
    public const int IdsPerRequest = 24;

    public static byte[] Build()
    {
        var random = new Random(123);
        float[] Weights(int count, double scale) =>
            Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
        var embedding = Weights(Vocabulary * Dim, 0.1);
        Array.Clear(embedding, 0, Dim); // id 0 is padding
        return new OnnxModelWriter()
            .Input("ids", OnnxModelWriter.DataType.Int64, "batch", "len")
            .Input("lengths", OnnxModelWriter.DataType.Float, "batch", 1L)
            .Output("probs", OnnxModelWriter.DataType.Float, "batch", (long)Classes)
            .FloatInitializer("E", embedding, Vocabulary, Dim)
            .Int64Initializer("axes", [1L], 1)
            .FloatInitializer("W1", Weights(Dim * Dim, 0.2), Dim, Dim)
            .FloatInitializer("b1", Weights(Dim, 0.1), Dim)
            .FloatInitializer("W2", Weights(Dim * Classes, 0.2), Dim, Classes)
            .FloatInitializer("b2", Weights(Classes, 0.1), Classes)
            .Node("Gather", ["E", "ids"], ["embedded"], ("axis", 0L))
            .Node("ReduceSum", ["embedded", "axes"], ["summed"], ("keepdims", 0L))
            .Node("Div", ["summed", "lengths"], ["mean"])
            .Node("MatMul", ["mean", "W1"], ["h0"])
            .Node("Add", ["h0", "b1"], ["h1"])
            .Node("Relu", ["h1"], ["h"])
            .Node("MatMul", ["h", "W2"], ["l0"])
            .Node("Add", ["l0", "b2"], ["logits"])
            .Node("Softmax", ["logits"], ["probs"], ("axis", -1L))
            .Build();
    }

    public static long[] RandomIds(Random random)
    {
        var ids = new long[IdsPerRequest];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = random.Next(1, Vocabulary);
        return ids;
    }
}
