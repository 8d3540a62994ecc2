namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// A trained conversion model: logistic regression over <see cref="ConversionFeatures"/>. <see cref="ToOnnx"/> exports
/// it for ONNX Runtime (the serving path, through the inference module); <see cref="Predict"/> is the same formula in
/// managed code, kept for checking the exported graph.
/// </summary>
public sealed class ConversionModel
{
    /// <summary>The model's name in the inference module's registry.</summary>
    public const string RegistryName = "coupon-conversion";

    private readonly float[] weights;

    /// <summary>Creates a model from raw-feature weights (length <see cref="ConversionFeatures.Count"/>) and a bias.</summary>
    public ConversionModel(float[] weights, float bias, string version)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != ConversionFeatures.Count)
            throw new ArgumentException($"Expected {ConversionFeatures.Count} weights, got {weights.Length}.", nameof(weights));
        this.weights = (float[])weights.Clone();
        Bias = bias;
        Version = version;
    }

    /// <summary>The weights, one per feature.</summary>
    public IReadOnlyList<float> Weights => weights;

    /// <summary>The intercept.</summary>
    public float Bias { get; }

    /// <summary>A version label (e.g. the training seed and size).</summary>
    public string Version { get; }

    /// <summary>The predicted conversion probability of <paramref name="customer"/> given a coupon of <paramref name="faceValue"/> (0 = none).</summary>
    public double Predict(in CustomerFeatures customer, long faceValue)
    {
        Span<float> x = stackalloc float[ConversionFeatures.Count];
        ConversionFeatures.Write(customer, faceValue, x);
        var logit = (double)Bias;
        for (var k = 0; k < x.Length; k++)
            logit += weights[k] * x[k];
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>The model as an ONNX graph: input <c>features</c> float [batch, 13], output <c>conversion</c> float [batch, 1].</summary>
    public byte[] ToOnnx() => OnnxModelWriter.Write(weights, Bias, Version);

    /// <summary>The graph input's name.</summary>
    public static string InputName => OnnxModelWriter.InputName;

    /// <summary>The graph output's name.</summary>
    public static string OutputName => OnnxModelWriter.OutputName;
}
