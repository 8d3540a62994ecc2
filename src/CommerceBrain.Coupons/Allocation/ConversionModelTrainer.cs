namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Fits a <see cref="ConversionModel"/> by Newton's method (iteratively reweighted least squares) with a small ridge,
/// on observed outcomes of a randomised experiment: each customer got a face value drawn at random (or none) and either
/// converted or not. Randomised assignment is what makes the fitted coupon effect causal.
/// </summary>
public static class ConversionModelTrainer
{
    /// <summary>The face values the simulated experiment hands out (0 = control); wider than any one campaign's tiers.</summary>
    public static IReadOnlyList<long> ExperimentFaceValues { get; } = [0, 0, 250, 500, 1000, 1500, 2000, 3000];

    /// <summary>Simulates an experiment on <paramref name="customers"/> and returns the observed (customer, face, converted) triples.</summary>
    public static (CustomerFeatures Customer, long Face, bool Converted)[] SimulateExperiment(ReadOnlySpan<CustomerFeatures> customers, int seed)
    {
        var random = new Random(seed);
        var rows = new (CustomerFeatures, long, bool)[customers.Length];
        for (var i = 0; i < customers.Length; i++)
        {
            var face = ExperimentFaceValues[random.Next(ExperimentFaceValues.Count)];
            rows[i] = (customers[i], face, random.NextDouble() < SimulatedPopulation.TrueConversion(customers[i], face));
        }

        return rows;
    }

    /// <summary>Fits the model to <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Fewer rows than features, or only one outcome class.</exception>
    public static ConversionModel Fit(IReadOnlyList<(CustomerFeatures Customer, long Face, bool Converted)> rows, string version,
        int iterations = 25, double ridge = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int f = ConversionFeatures.Count;
        var n = rows.Count;
        if (n <= f || rows.All(r => r.Converted) || !rows.Any(r => r.Converted))
            throw new ArgumentException("Need more rows than features and both outcomes present.", nameof(rows));

        // Standardised design matrix with an intercept column (index f); weights are un-standardised at the end.
        var x = new double[n * (f + 1)];
        var mean = new double[f];
        var std = new double[f];
        Span<float> row = stackalloc float[f];
        for (var i = 0; i < n; i++)
        {
            ConversionFeatures.Write(rows[i].Customer, rows[i].Face, row);
            for (var k = 0; k < f; k++)
            {
                x[i * (f + 1) + k] = row[k];
                mean[k] += row[k];
            }

            x[i * (f + 1) + f] = 1;
        }

        for (var k = 0; k < f; k++)
            mean[k] /= n;
        for (var i = 0; i < n; i++)
            for (var k = 0; k < f; k++)
                std[k] += Math.Pow(x[i * (f + 1) + k] - mean[k], 2);
        for (var k = 0; k < f; k++)
            std[k] = Math.Max(1e-9, Math.Sqrt(std[k] / n));
        for (var i = 0; i < n; i++)
            for (var k = 0; k < f; k++)
                x[i * (f + 1) + k] = (x[i * (f + 1) + k] - mean[k]) / std[k];

        var d = f + 1;
        var beta = new double[d];
        for (var iter = 0; iter < iterations; iter++)
        {
            var hessian = new double[d * d];
            var gradient = new double[d];
            for (var i = 0; i < n; i++)
            {
                var xi = x.AsSpan(i * d, d);
                var z = 0.0;
                for (var k = 0; k < d; k++)
                    z += beta[k] * xi[k];
                var p = 1 / (1 + Math.Exp(-z));
                var w = Math.Max(p * (1 - p), 1e-6);
                var residual = (rows[i].Converted ? 1 : 0) - p;
                for (var a = 0; a < d; a++)
                {
                    gradient[a] += residual * xi[a];
                    var wa = w * xi[a];
                    for (var b = 0; b <= a; b++)
                        hessian[a * d + b] += wa * xi[b];
                }
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < a; b++)
                    hessian[b * d + a] = hessian[a * d + b];
                // Ridge on the slopes only, scaled to the sample so it stays a gentle prior whatever n is.
                if (a < f)
                {
                    hessian[a * d + a] += ridge * n;
                    gradient[a] -= ridge * n * beta[a];
                }
            }

            var step = SolveSymmetric(hessian, gradient, d);
            var largest = 0.0;
            for (var k = 0; k < d; k++)
            {
                beta[k] += step[k];
                largest = Math.Max(largest, Math.Abs(step[k]));
            }

            if (largest < 1e-8)
                break;
        }

        var weights = new float[f];
        var bias = beta[f];
        for (var k = 0; k < f; k++)
        {
            weights[k] = (float)(beta[k] / std[k]);
            bias -= beta[k] * mean[k] / std[k];
        }

        return new ConversionModel(weights, (float)bias, version);
    }

    /// <summary>Solves A·x = b for symmetric positive-definite A by Cholesky.</summary>
    private static double[] SolveSymmetric(double[] a, double[] b, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * d + j];
                for (var k = 0; k < j; k++)
                    sum -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j * d + j];
            }
        }

        var y = new double[d];
        for (var i = 0; i < d; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
                sum -= l[i * d + k] * y[k];
            y[i] = sum / l[i * d + i];
        }

        var x = new double[d];
        for (var i = d - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < d; k++)
                sum -= l[k * d + i] * x[k];
            x[i] = sum / l[i * d + i];
        }

        return x;
    }
}
