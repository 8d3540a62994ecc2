using System.Numerics.Tensors;

namespace CommerceBrain.Nlu.Training;

/// <summary>Post-hoc calibration on held-out data: temperature scaling and the out-of-scope threshold.</summary>
public static class Calibration
{
    /// <summary>The temperature minimising the negative log-likelihood of <paramref name="truth"/> (log-spaced grid, 0.05–20).</summary>
    public static float FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<int> truth)
    {
        var best = 1f;
        var bestNll = double.PositiveInfinity;
        for (var i = 0; i <= 120; i++)
        {
            var t = (float)(0.05 * Math.Pow(400, i / 120.0));
            double nll = 0;
            for (var n = 0; n < logits.Count; n++)
            {
                var l = logits[n];
                var max = TensorPrimitives.Max(l);
                double sum = 0;
                foreach (var x in l)
                {
                    sum += Math.Exp((x - max) / t);
                }

                nll -= ((l[truth[n]] - max) / t) - Math.Log(sum);
            }

            if (nll < bestNll)
            {
                bestNll = nll;
                best = t;
            }
        }

        return best;
    }

    /// <summary>
    /// The confidence threshold maximising the mean of in-scope accuracy and out-of-scope F1 on held-out data: a
    /// request is out of scope when its top class is <paramref name="oosClass"/> or its top probability is below the
    /// threshold. F1 (rather than recall) makes every in-scope request wrongly rejected count against a threshold, so
    /// with few out-of-scope examples it no longer rejects generously.
    /// </summary>
    public static float ChooseOosThreshold(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, int oosClass)
    {
        var inScope = truth.Count(t => t != oosClass);
        var oos = truth.Count - inScope;
        var best = 0f;
        var bestScore = double.NegativeInfinity;
        for (var step = 0; step <= 95; step++)
        {
            var threshold = step / 100f;
            int correct = 0, caught = 0, rejectedCount = 0;
            for (var n = 0; n < truth.Count; n++)
            {
                var p = probabilities[n];
                var top = TensorPrimitives.IndexOfMax(p);
                var rejected = top == oosClass || p[top] < threshold;
                rejectedCount += rejected ? 1 : 0;
                if (truth[n] == oosClass)
                {
                    caught += rejected ? 1 : 0;
                }
                else if (!rejected && top == truth[n])
                {
                    correct++;
                }
            }

            var precision = rejectedCount > 0 ? caught / (double)rejectedCount : 0;
            var recall = oos > 0 ? caught / (double)oos : 0;
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            var score = (inScope > 0 ? correct / (double)inScope : 0) + f1;
            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                best = threshold;
            }
        }

        return best;
    }

    /// <summary>Expected calibration error with 15 equal-width confidence bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float> confidence, IReadOnlyList<bool> correct, int bins = 15)
    {
        if (confidence.Count == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var conf = new double[bins];
        var acc = new double[bins];
        for (var i = 0; i < confidence.Count; i++)
        {
            var b = Math.Min(bins - 1, (int)(confidence[i] * bins));
            count[b]++;
            conf[b] += confidence[i];
            acc[b] += correct[i] ? 1 : 0;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(acc[b] - conf[b]) / confidence.Count;
            }
        }

        return ece;
    }
}
