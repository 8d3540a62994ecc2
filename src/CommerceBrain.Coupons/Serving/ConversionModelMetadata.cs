namespace CommerceBrain.Coupons.Serving;

/// <summary>
/// What sits next to the conversion model's ONNX file (<c>coupons-conversion.json</c>): how it was trained and its
/// weights, so a later start knows what it loads and the CLI can print it.
/// </summary>
/// <param name="Version">The model's version label.</param>
/// <param name="Seed">The simulated experiment's seed.</param>
/// <param name="TrainingCustomers">Customers in the simulated experiment.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="Input">The graph input's name.</param>
/// <param name="Output">The graph output's name.</param>
/// <param name="Weights">The logistic weights, one per feature.</param>
/// <param name="Bias">The intercept.</param>
public sealed record ConversionModelMetadata(
    string Version,
    int Seed,
    int TrainingCustomers,
    DateTimeOffset TrainedAt,
    string Input,
    string Output,
    float[] Weights,
    float Bias);
