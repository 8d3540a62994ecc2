namespace CommerceBrain.Nlu.Training;

/// <summary>
/// SplitMix64: a tiny random generator whose sequence is fixed by the seed on every runtime and machine, so training
/// is reproducible (System.Random's algorithm is an implementation detail).
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Derives an independent generator seed for a numbered stream.</summary>
    public static ulong Derive(ulong seed, int stream)
    {
        var r = new DeterministicRandom(seed ^ (0xD1B54A32D192ED03UL * (ulong)(stream + 1)));
        return r.NextUInt64();
    }
}
