namespace CommerceBrain.Nlu.Text;

/// <summary>
/// Turns text into hashed features: word unigrams, word bigrams and character n-grams of each word with boundary
/// markers, each hashed with 64-bit FNV-1a (a kind prefix keeps the kinds apart) into <see cref="FeaturizerOptions.Buckets"/>.
/// Thread-safe and allocation-light.
/// </summary>
public sealed class Featurizer
{
    private const byte UnigramKind = (byte)'w';
    private const byte BigramKind = (byte)'b';
    private const byte CharKind = (byte)'c';

    /// <summary>Creates a featurizer; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public Featurizer(FeaturizerOptions options)
    {
        options.Validate();
        Options = options;
    }

    /// <summary>The settings in use.</summary>
    public FeaturizerOptions Options { get; }

    /// <summary>Normalises, tokenises and hashes <paramref name="text"/>.</summary>
    public FeatureVector Featurize(string? text)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.Normalize(text), Options.MaxTokens);
        return FeaturizeTokens(tokens);
    }

    /// <summary>Hashes already tokenised text.</summary>
    public FeatureVector FeaturizeTokens(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return FeatureVector.Empty;
        }

        var ids = new List<int>(tokens.Count * 12);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (Options.WordUnigrams)
            {
                ids.Add(Bucket(StableHash.Append(Start(UnigramKind), token)));
            }

            if (Options.WordBigrams && t + 1 < tokens.Count)
            {
                var h = StableHash.Append(Start(BigramKind), token);
                h = StableHash.Append(h, (byte)' ');
                ids.Add(Bucket(StableHash.Append(h, tokens[t + 1])));
            }

            if (Options.CharNgramMin > 0 && token.Length <= Options.MaxWordLengthForCharNgrams
                && !(token.Length == 1 && Tokenizer.IsCjk(token[0])))
            {
                AddCharNgrams(token, ids);
            }
        }

        var weights = new float[ids.Count];
        var w = Options.Weighting == FeatureWeighting.Mean ? 1f / ids.Count : 1f / MathF.Sqrt(ids.Count);
        Array.Fill(weights, w);
        return new FeatureVector(ids.ToArray(), weights);
    }

    /// <summary>The bucket of one hash value.</summary>
    public int Bucket(ulong hash) => (int)(hash % (ulong)Options.Buckets);

    private static ulong Start(byte kind) => StableHash.Append(StableHash.Append(StableHash.OffsetBasis, kind), 0x1F);

    private void AddCharNgrams(string token, List<int> ids)
    {
        Span<char> marked = stackalloc char[token.Length + 2];
        marked[0] = '<';
        token.AsSpan().CopyTo(marked[1..]);
        marked[^1] = '>';
        for (var n = Options.CharNgramMin; n <= Options.CharNgramMax; n++)
        {
            for (var start = 0; start + n <= marked.Length; start++)
            {
                ids.Add(Bucket(StableHash.Append(Start(CharKind), marked.Slice(start, n))));
            }
        }
    }
}
