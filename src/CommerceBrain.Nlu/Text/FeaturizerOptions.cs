namespace CommerceBrain.Nlu.Text;

/// <summary>What the featurizer extracts and how it hashes it. Saved with every model (model.json).</summary>
public sealed record FeaturizerOptions
{
    /// <summary>The only hash the featurizer implements: 64-bit FNV-1a over UTF-8, reduced modulo <see cref="Buckets"/>.</summary>
    public const string Fnv1a64Hash = "fnv1a64";

    /// <summary>Number of hash buckets (embedding rows).</summary>
    public int Buckets { get; init; } = 1 << 18;

    /// <summary>Hash function name; only <see cref="Fnv1a64Hash"/> exists.</summary>
    public string Hash { get; init; } = Fnv1a64Hash;

    /// <summary>Emit word unigrams.</summary>
    public bool WordUnigrams { get; init; } = true;

    /// <summary>Emit word bigrams (for Chinese: character bigrams, since each character is a token).</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>Smallest character n-gram of a word with boundary markers (&lt;word&gt;); 0 disables character n-grams.</summary>
    public int CharNgramMin { get; init; } = 3;

    /// <summary>Largest character n-gram.</summary>
    public int CharNgramMax { get; init; } = 5;

    /// <summary>Tokens after this many are ignored (keeps 100 KB inputs cheap).</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Words longer than this many characters contribute no character n-grams.</summary>
    public int MaxWordLengthForCharNgrams { get; init; } = 40;

    /// <summary>How features are weighted in the bag.</summary>
    public FeatureWeighting Weighting { get; init; } = FeatureWeighting.Mean;

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (Buckets < 1)
        {
            throw new ArgumentException("Buckets must be at least 1.", nameof(Buckets));
        }

        if (Hash != Fnv1a64Hash)
        {
            throw new ArgumentException($"Unknown feature hash '{Hash}'; only '{Fnv1a64Hash}' is implemented.", nameof(Hash));
        }

        if (CharNgramMin < 0 || CharNgramMax < CharNgramMin || (CharNgramMin == 0 && CharNgramMax != 0))
        {
            throw new ArgumentException("Character n-gram sizes must satisfy 0 <= min <= max (both 0 to disable).", nameof(CharNgramMin));
        }

        if (!WordUnigrams && !WordBigrams && CharNgramMin == 0)
        {
            throw new ArgumentException("At least one feature kind must be enabled.", nameof(WordUnigrams));
        }

        if (MaxTokens < 1)
        {
            throw new ArgumentException("MaxTokens must be at least 1.", nameof(MaxTokens));
        }

        if (MaxWordLengthForCharNgrams is < 1 or > 256)
        {
            throw new ArgumentException("MaxWordLengthForCharNgrams must lie in [1, 256].", nameof(MaxWordLengthForCharNgrams));
        }
    }
}
