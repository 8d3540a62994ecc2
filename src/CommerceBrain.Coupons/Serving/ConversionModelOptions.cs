namespace CommerceBrain.Coupons.Serving;

/// <summary>
/// How the silo trains, stores and serves the optimiser's conversion model; bound from
/// <c>CommerceBrain:Coupons:ConversionModel</c>.
/// </summary>
public sealed class ConversionModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:Coupons:ConversionModel";

    /// <summary>The file name of the model under <c>&lt;DataDirectory&gt;/models</c>.</summary>
    public const string DefaultFileName = "coupons-conversion.onnx";

    /// <summary>The silo's data directory (<c>CommerceBrain:DataDirectory</c>, default <c>data</c>).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The ONNX file (its metadata sits next to it as <c>.json</c>); null or empty = <c>&lt;DataDirectory&gt;/models/coupons-conversion.onnx</c>.</summary>
    public string? ModelFile { get; set; }

    /// <summary>Train the model at start-up (in the background) when the file is missing.</summary>
    public bool TrainOnStart { get; set; } = true;

    /// <summary>Simulated customers in the randomised experiment the model is fitted on (tests use a few thousand).</summary>
    public int TrainingCustomers { get; set; } = 200_000;

    /// <summary>The seed of the simulated experiment: same seed and size, same model.</summary>
    public int Seed { get; set; } = 20_251_130;

    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) while the model is not loaded on this silo.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>The model file, absolute.</summary>
    public string ResolveModelFile() => string.IsNullOrWhiteSpace(ModelFile)
        ? Path.GetFullPath(Path.Combine(DataDirectory, "models", DefaultFileName))
        : Path.GetFullPath(ModelFile);
}
