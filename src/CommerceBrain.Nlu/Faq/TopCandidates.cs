namespace CommerceBrain.Nlu.Faq;

/// <summary>The best few scored FAQ entries of one query, kept sorted (highest first) as entries are offered.</summary>
internal struct TopCandidates(int capacity)
{
    private readonly FaqCandidate?[] _items = new FaqCandidate?[capacity];
    private readonly float[] _scores = new float[capacity];

    public int Count { get; private set; }

    /// <summary>Keeps the entry when it beats the weakest kept one (ties keep the earlier offer).</summary>
    public void Offer(FaqEntry entry, float score, float semantic, float lexical)
    {
        if (Count == _scores.Length && score <= _scores[Count - 1])
        {
            return;
        }

        var at = Count < _scores.Length ? Count++ : Count - 1;
        while (at > 0 && _scores[at - 1] < score)
        {
            _scores[at] = _scores[at - 1];
            _items[at] = _items[at - 1];
            at--;
        }

        _scores[at] = score;
        // The candidate record is made only for entries that make the cut, not for every scored entry.
        _items[at] = new FaqCandidate(entry, score, semantic, lexical);
    }

    public readonly FaqCandidate[] ToArray() => _items.AsSpan(0, Count).ToArray()!;
}
