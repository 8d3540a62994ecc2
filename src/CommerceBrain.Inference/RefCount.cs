namespace CommerceBrain.Inference;

/// <summary>A reference count that stops at zero for good: once the last reference is released, nothing can revive it.</summary>
internal static class RefCount
{
    /// <summary>Adds one reference unless the count already reached zero; returns whether it did.</summary>
    public static bool TryIncrement(ref int references)
    {
        var current = Volatile.Read(ref references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref references, current + 1, current);
            if (seen == current)
                return true;
            current = seen;
        }

        return false;
    }
}
