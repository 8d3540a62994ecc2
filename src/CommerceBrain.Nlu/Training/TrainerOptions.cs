using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Training;

/// <summary>
/// Settings of <see cref="IntentTrainer"/>. The defaults were chosen on a validation split of Banking77
/// (see docs/models.md) and are what `nlu train` uses.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Feature extraction and hashing (saved with the model).</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Embedding width of each ensemble member.</summary>
    public int Dim { get; init; } = 100;

    /// <summary>Hidden ReLU layer width; 0 for none.</summary>
    public int Hidden { get; init; } = 256;

    /// <summary>Maximum passes over the training data.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>
    /// Small data sets get more epochs so every member makes at least this many updates (capped at
    /// <see cref="MaxEpochs"/>); a 5-shot set would otherwise stop far from convergence.
    /// </summary>
    public int MinUpdates { get; init; } = 100_000;

    /// <summary>Upper bound on the epochs added by <see cref="MinUpdates"/>.</summary>
    public int MaxEpochs { get; init; } = 300;

    /// <summary>Initial SGD learning rate, decayed linearly to zero (as fastText).</summary>
    public float LearningRate { get; init; } = 0.5f;

    /// <summary>
    /// Learning-rate factor for the dense layers when there is a hidden layer: the embedding rows see sparse, averaged
    /// gradients and take the full rate, while the dense layers diverge at it on some data sets.
    /// </summary>
    public float DenseLearningRateScale { get; init; } = 0.2f;

    /// <summary>Label smoothing ε: targets are (1-ε) on the label and ε spread over all classes.</summary>
    public float LabelSmoothing { get; init; } = 0.1f;

    /// <summary>Dropout rate on the embedding bag during training.</summary>
    public float Dropout { get; init; } = 0.3f;

    /// <summary>Number of independently seeded members averaged into the final model; they train in parallel.</summary>
    public int EnsembleSize { get; init; } = 2;

    /// <summary>Worker threads (members train concurrently). The result does not depend on it.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Seed of every random choice (split, initialisation, order, dropout).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fraction of each class held out (stratified) for early stopping, calibration and the OOS threshold.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Stop a member after this many epochs without validation improvement (its best epoch is kept).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Label of the explicit out-of-scope class, when the data has one.</summary>
    public string OosLabel { get; init; } = "oos";

    /// <summary>Confidence threshold used when the data has no out-of-scope examples to choose one.</summary>
    public float DefaultOosThreshold { get; init; } = 0.25f;

    /// <summary>
    /// Store the embedding table as int8 with one float scale per row (≈4× smaller, see <see cref="Models.QuantizedEmbedding"/>).
    /// Applied after the ensemble is folded and before calibration, so temperature and threshold fit the stored weights.
    /// </summary>
    public bool QuantizeEmbedding { get; init; } = true;

    /// <summary>
    /// Buckets that no training example uses keep their random initial values; when true they are dropped (become
    /// zero, and are not stored when <see cref="QuantizeEmbedding"/> is on), so unseen n-grams add nothing.
    /// </summary>
    public bool DropUntouchedBuckets { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> for out-of-range settings.</summary>
    public void Validate()
    {
        Featurizer.Validate();
        if (Dim < 1 || Hidden < 0 || Epochs < 1 || MinUpdates < 0 || MaxEpochs < 1 || LearningRate <= 0 || DenseLearningRateScale <= 0 || EnsembleSize < 1 || Threads < 1 || Patience < 1)
        {
            throw new ArgumentException("Dim, Epochs, LearningRate, EnsembleSize, Threads and Patience must be positive; Hidden non-negative.");
        }

        if (LabelSmoothing is < 0 or >= 1 || Dropout is < 0 or >= 1 || ValidationFraction is < 0 or >= 1)
        {
            throw new ArgumentException("LabelSmoothing, Dropout and ValidationFraction must lie in [0, 1).");
        }
    }
}
