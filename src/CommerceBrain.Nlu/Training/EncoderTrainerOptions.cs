using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Training;

/// <summary>Settings of <see cref="EncoderTrainer"/>.</summary>
public sealed record EncoderTrainerOptions
{
    /// <summary>Feature extraction and hashing.</summary>
    public FeaturizerOptions Featurizer { get; init; } = new() { Buckets = 1 << 18 };

    /// <summary>Embedding-bag width.</summary>
    public int Dim { get; init; } = 100;

    /// <summary>Output (sentence embedding) width; 32 halves the memory a FAQ query scans at no measured cost in ranking.</summary>
    public int OutputDim { get; init; } = 32;

    /// <summary>Passes over the paraphrase groups.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>Pairs per batch; the other pairs of a batch are the negatives.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Initial SGD learning rate, decayed linearly.</summary>
    public float LearningRate { get; init; } = 10f;

    /// <summary>Similarity scale (inverse temperature) of the contrastive softmax.</summary>
    public float Scale { get; init; } = 20f;

    /// <summary>Fraction of features dropped to make a positive for a group with a single text.</summary>
    public float FeatureDropout { get; init; } = 0.2f;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentException"/> for out-of-range settings.</summary>
    public void Validate()
    {
        Featurizer.Validate();
        if (Dim < 1 || OutputDim < 1 || Epochs < 1 || BatchSize < 2 || LearningRate <= 0 || Scale <= 0 || FeatureDropout is < 0 or >= 1)
        {
            throw new ArgumentException("Encoder settings out of range.");
        }
    }
}
