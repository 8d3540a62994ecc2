namespace CommerceBrain.Nlu.Text;

/// <summary>
/// Turns text into hashed features: word unigrams, word bigrams and character n-grams of each word with boundary
/// markers, each hashed with 64-bit FNV-1a (a kind prefix keeps the kinds apart) into <see cref="FeaturizerOptions.Buckets"/>.
/// Thread-safe. The span overload <see cref="Featurize(ReadOnlySpan{char}, ref int[], out float)"/> allocates nothing
/// once its buffers are large enough (normalisation and tokenisation use per-thread scratch; hashing reads the
/// characters in place).
/// </summary>
public sealed class Featurizer
{
    private const byte UnigramKind = (byte)'w';
    private const byte BigramKind = (byte)'b';
    private const byte CharKind = (byte)'c';

    private static readonly ulong UnigramStart = Start(UnigramKind);
    private static readonly ulong BigramStart = Start(BigramKind);
    private static readonly ulong CharStart = Start(CharKind);

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly ulong _bucketMask;

    /// <summary>Creates a featurizer; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public Featurizer(FeaturizerOptions options)
    {
        options.Validate();
        Options = options;
        _bucketMask = (options.Buckets & (options.Buckets - 1)) == 0 ? (ulong)options.Buckets - 1 : 0;
    }

    /// <summary>The settings in use.</summary>
    public FeaturizerOptions Options { get; }

    /// <summary>Normalises, tokenises and hashes <paramref name="text"/>.</summary>
    public FeatureVector Featurize(string? text)
    {
        var scratch = t_scratch ??= new Scratch();
        var count = Featurize(text, ref scratch.Ids, out var weight);
        if (count == 0)
        {
            return FeatureVector.Empty;
        }

        var weights = new float[count];
        Array.Fill(weights, weight);
        return new FeatureVector(scratch.Ids.AsSpan(0, count).ToArray(), weights);
    }

    /// <summary>
    /// Normalises, tokenises and hashes <paramref name="text"/> into <paramref name="ids"/> (replaced by a larger
    /// array when too small); returns the feature count. Every feature has the same bag weight, returned in
    /// <paramref name="weight"/> (0 when there are no features). Same features as <see cref="Featurize(string?)"/>.
    /// </summary>
    public int Featurize(ReadOnlySpan<char> text, ref int[] ids, out float weight)
    {
        weight = 0;
        if (text.IsEmpty)
        {
            return 0;
        }

        var scratch = t_scratch ??= new Scratch();
        var normalized = Scratch.Rent(ref scratch.Normalized, TextNormalizer.MaxNormalizedLength(text.Length));
        var length = TextNormalizer.Normalize(text, normalized);
        var chars = Scratch.Rent(ref scratch.TokenChars, length);
        var tokens = Scratch.Rent(ref scratch.Tokens, Tokenizer.MaxTokenCount(length));
        var tokenCount = Tokenizer.Tokenize(normalized.AsSpan(0, length), Options.MaxTokens, chars, tokens);
        var bound = 0;
        for (var t = 0; t < tokenCount; t++)
        {
            bound = checked(bound + MaxFeatures(chars.AsSpan()[tokens[t]].Length));
        }

        Scratch.Ensure(ref ids, bound);
        var count = 0;
        for (var t = 0; t < tokenCount; t++)
        {
            var next = t + 1 < tokenCount ? chars.AsSpan()[tokens[t + 1]] : default;
            AddToken(chars.AsSpan()[tokens[t]], next, t + 1 < tokenCount, ids, ref count);
        }

        weight = Weight(count);
        return count;
    }

    /// <summary>Hashes already tokenised text.</summary>
    public FeatureVector FeaturizeTokens(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return FeatureVector.Empty;
        }

        var bound = 0;
        foreach (var token in tokens)
        {
            bound = checked(bound + MaxFeatures(token.Length));
        }

        var ids = new int[bound];
        var count = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var hasNext = t + 1 < tokens.Count;
            AddToken(tokens[t], hasNext ? tokens[t + 1] : default, hasNext, ids, ref count);
        }

        var weights = new float[count];
        Array.Fill(weights, Weight(count));
        return new FeatureVector(ids.AsSpan(0, count).ToArray(), weights);
    }

    /// <summary>The bucket of one hash value.</summary>
    public int Bucket(ulong hash) => _bucketMask != 0 ? (int)(hash & _bucketMask) : (int)(hash % (ulong)Options.Buckets);

    private static ulong Start(byte kind) => StableHash.Append(StableHash.Append(StableHash.OffsetBasis, kind), 0x1F);

    private float Weight(int count) =>
        count == 0 ? 0 : Options.Weighting == FeatureWeighting.Mean ? 1f / count : 1f / MathF.Sqrt(count);

    // Unigram + bigram + every char n-gram of "<token>" for each configured n (an upper bound, CJK included).
    private int MaxFeatures(int tokenLength) =>
        2 + (Options.CharNgramMin > 0 ? (Options.CharNgramMax - Options.CharNgramMin + 1) * (tokenLength + 2) : 0);

    private void AddToken(ReadOnlySpan<char> token, ReadOnlySpan<char> next, bool hasNext, Span<int> ids, ref int count)
    {
        if (Options.WordUnigrams)
        {
            ids[count++] = Bucket(StableHash.Append(UnigramStart, token));
        }

        if (Options.WordBigrams && hasNext)
        {
            var h = StableHash.Append(BigramStart, token);
            h = StableHash.Append(h, (byte)' ');
            ids[count++] = Bucket(StableHash.Append(h, next));
        }

        if (Options.CharNgramMin > 0 && token.Length <= Options.MaxWordLengthForCharNgrams
            && !(token.Length == 1 && Tokenizer.IsCjk(token[0])))
        {
            Span<char> marked = stackalloc char[token.Length + 2];
            marked[0] = '<';
            token.CopyTo(marked[1..]);
            marked[^1] = '>';
            for (var n = Options.CharNgramMin; n <= Options.CharNgramMax; n++)
            {
                for (var start = 0; start + n <= marked.Length; start++)
                {
                    ids[count++] = Bucket(StableHash.Append(CharStart, marked.Slice(start, n)));
                }
            }
        }
    }

    private sealed class Scratch
    {
        // Text-sized buffers beyond this many elements are used once and not kept, so one huge message does not pin
        // megabytes on every thread that ever saw it.
        private const int RetainLimit = 1 << 16;

        public char[] Normalized = new char[256];
        public char[] TokenChars = new char[256];
        public Range[] Tokens = new Range[64];
        public int[] Ids = new int[512];

        public static T[] Rent<T>(ref T[] cached, int length) =>
            cached.Length >= length ? cached : length > RetainLimit ? new T[length] : Ensure(ref cached, length);

        public static T[] Ensure<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new T[Math.Max(length, buffer.Length * 2)];
            }

            return buffer;
        }
    }
}
