namespace CommerceBrain.Inference.Tests.Models;

/// <summary>Small graphs with known weights, and the same maths in C# to compute expected outputs by hand.</summary>
internal static class TestModels
{
    // x[batch,3] · W[3,2] + b[2] → softmax → probs[batch,2]; also exposes the logits.
    public static readonly float[] W = [0.5f, -1.0f, 2.0f, 0.25f, -0.75f, 1.5f];
    public static readonly float[] B = [0.1f, -0.2f];

    public static byte[] LinearSoftmax(float biasShift = 0f) => new OnnxModelWriter()
        .Input("x", OnnxModelWriter.DataType.Float, "batch", 3L)
        .Output("probs", OnnxModelWriter.DataType.Float, "batch", 2L)
        .Output("logits", OnnxModelWriter.DataType.Float, "batch", 2L)
        .FloatInitializer("W", W, 3, 2)
        .FloatInitializer("b", B.Select(v => v + biasShift).ToArray(), 2)
        .Node("MatMul", ["x", "W"], ["xw"])
        .Node("Add", ["xw", "b"], ["logits"])
        .Node("Softmax", ["logits"], ["probs"], ("axis", -1L))
        .Build();

    public static (float[] Logits, float[] Probs) LinearSoftmaxByHand(float[] x, float biasShift = 0f)
    {
        var logits = new float[2];
        for (var c = 0; c < 2; c++)
        {
            double sum = B[c] + biasShift;
            for (var k = 0; k < 3; k++)
                sum += x[k] * W[k * 2 + c];
            logits[c] = (float)sum;
        }
        var max = Math.Max(logits[0], logits[1]);
        var e0 = Math.Exp(logits[0] - max);
        var e1 = Math.Exp(logits[1] - max);
        return (logits, [(float)(e0 / (e0 + e1)), (float)(e1 / (e0 + e1))]);
    }

    // Embedding bag over padded ids: ids[batch,len] int64 with 0 = padding (row 0 of E is zero), lengths[batch,1] float;
    // Gather(E, ids) → [b,len,D] → ReduceSum(axis 1) → [b,D] → Div lengths → mean[b,D].
    public const int Dim = 3;
    public static readonly float[] E =
    [
        0f, 0f, 0f,
        1f, 2f, 3f,
        -1f, 0.5f, 4f,
        2f, -2f, 0.25f,
        10f, 20f, -30f,
    ];

    public static byte[] EmbeddingBagMean() => new OnnxModelWriter()
        .Input("ids", OnnxModelWriter.DataType.Int64, "batch", "len")
        .Input("lengths", OnnxModelWriter.DataType.Float, "batch", 1L)
        .Output("mean", OnnxModelWriter.DataType.Float, "batch", (long)Dim)
        .FloatInitializer("E", E, E.Length / Dim, Dim)
        .Int64Initializer("axes", [1L], 1)
        .Node("Gather", ["E", "ids"], ["embedded"], ("axis", 0L))
        .Node("ReduceSum", ["embedded", "axes"], ["summed"], ("keepdims", 0L))
        .Node("Div", ["summed", "lengths"], ["mean"])
        .Build();

    public static float[] EmbeddingBagMeanByHand(long[] ids)
    {
        var mean = new float[Dim];
        foreach (var id in ids)
            for (var d = 0; d < Dim; d++)
                mean[d] += E[id * Dim + d];
        for (var d = 0; d < Dim; d++)
            mean[d] /= ids.Length;
        return mean;
    }

    // Weighted bag (the NLU export's convention): ids[batch,seq] int64 and weights[batch,seq] float, both padded with 0;
    // Gather(E, ids) → [b,s,D] × Unsqueeze(weights, 2) → ReduceSum(axis 1) → bag[b,D].
    public static byte[] WeightedBag() => new OnnxModelWriter()
        .Input("ids", OnnxModelWriter.DataType.Int64, "batch", "seq")
        .Input("weights", OnnxModelWriter.DataType.Float, "batch", "seq")
        .Output("bag", OnnxModelWriter.DataType.Float, "batch", (long)Dim)
        .FloatInitializer("E", E, E.Length / Dim, Dim)
        .Int64Initializer("axis1", [1L], 1)
        .Int64Initializer("axis2", [2L], 1)
        .Node("Gather", ["E", "ids"], ["embedded"], ("axis", 0L))
        .Node("Unsqueeze", ["weights", "axis2"], ["weights3d"])
        .Node("Mul", ["embedded", "weights3d"], ["weighted"])
        .Node("ReduceSum", ["weighted", "axis1"], ["bag"], ("keepdims", 0L))
        .Build();

    public static float[] WeightedBagByHand(long[] ids, float[] weights)
    {
        var bag = new float[Dim];
        for (var i = 0; i < ids.Length; i++)
            for (var d = 0; d < Dim; d++)
                bag[d] += weights[i] * E[ids[i] * Dim + d];
        return bag;
    }

    // Identity over int32 (to check int32 inputs and outputs): y = x + 1.
    public static byte[] Int32AddOne() => new OnnxModelWriter()
        .Input("x", OnnxModelWriter.DataType.Int32, "n")
        .Output("y", OnnxModelWriter.DataType.Int32, "n")
        .Node("Add", ["x", "one"], ["y"])
        .Int32Initializer("one", 1)
        .Build();

    // The sum of every element: x[n] float → ReduceSum (all axes, keepdims 0) → sum[] float.
    public static byte[] SumOfAll() => new OnnxModelWriter()
        .Input("x", OnnxModelWriter.DataType.Float, "n")
        .Output("sum", OnnxModelWriter.DataType.Float)
        .Node("ReduceSum", ["x"], ["sum"], ("keepdims", 0L))
        .Build();
}
