using System.Numerics.Tensors;

namespace CommerceBrain.Nlu.Models;

/// <summary>Numerically stable softmax.</summary>
public static class Softmax
{
    /// <summary>Replaces logits by probabilities.</summary>
    public static void InPlace(Span<float> values)
    {
        var max = TensorPrimitives.Max(values);
        float sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        TensorPrimitives.Divide(values, sum, values);
    }
}
