using CommerceBrain.Inference;

namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Scores a batch of customers with the conversion model in ONNX Runtime (an <see cref="OnnxSession"/>, e.g. a
/// <c>ModelRegistry</c> lease's): the offline path, large tensors instead of per-row requests.
/// </summary>
public static class OnnxBatchScorer
{
    /// <summary>Returns probabilities laid out per customer as [none, tier 0, tier 1, …].</summary>
    public static float[] Score(OnnxSession session, ReadOnlySpan<CustomerFeatures> customers, IReadOnlyList<TierOption> tiers, int chunk = 16384)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        var width = tiers.Count + 1;
        var faces = new long[width];
        for (var j = 0; j < tiers.Count; j++)
            faces[j + 1] = tiers[j].FaceValue;
        const int f = ConversionFeatures.Count;
        var output = new float[customers.Length * width];
        var rowsPerRun = Math.Max(1, chunk / width) * width;
        var input = new float[rowsPerRun * f];
        var pair = 0;
        var total = customers.Length * width;
        while (pair < total)
        {
            var rows = Math.Min(rowsPerRun, total - pair);
            for (var r = 0; r < rows; r++)
                ConversionFeatures.Write(customers[(pair + r) / width], faces[(pair + r) % width], input.AsSpan(r * f, f));
            var result = session.Run([TensorInput.Float(ConversionModel.InputName, input.AsMemory(0, rows * f), rows, f)]);
            result[0].AsFloats().AsSpan(0, rows).CopyTo(output.AsSpan(pair, rows));
            pair += rows;
        }

        return output;
    }
}
