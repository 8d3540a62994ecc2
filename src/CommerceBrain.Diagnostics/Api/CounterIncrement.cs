namespace CommerceBrain.Diagnostics.Api;

/// <summary>Optional body of an increment; without a body the counter grows by 1.</summary>
/// <param name="By">How much to add, 1 to <see cref="MaxStep"/>.</param>
public sealed record CounterIncrement(long By = 1)
{
    /// <summary>The largest single step.</summary>
    public const long MaxStep = 1_000_000;
}
