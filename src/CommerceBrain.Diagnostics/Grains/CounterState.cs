namespace CommerceBrain.Diagnostics.Grains;

/// <summary>The stored value of a diagnostics counter.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    /// <summary>The counter's value.</summary>
    [Id(0)]
    public long Value { get; set; }

    /// <summary>Adds a positive <paramref name="amount"/>; refuses to overflow rather than wrap around.</summary>
    public long Add(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Value = checked(Value + amount);
        return Value;
    }
}
