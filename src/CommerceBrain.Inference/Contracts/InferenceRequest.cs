namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// One example for a model: one <see cref="InputRow"/> per graph input (no more, no fewer), and optionally the outputs
/// wanted (all of the graph's outputs when null).
/// Crosses grain calls and is marked immutable (no copy on a local call): do not change it after sending.
/// </summary>
/// <param name="Inputs">One row per graph input.</param>
/// <param name="Outputs">The graph outputs to compute, or null for all of them.</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Inference.InferenceRequest")]
public sealed record InferenceRequest(
    [property: Id(0)] IReadOnlyList<InputRow> Inputs,
    [property: Id(1)] IReadOnlyList<string>? Outputs = null)
{
    /// <summary>A request with the given rows and all outputs.</summary>
    public static InferenceRequest Of(params InputRow[] inputs) => new(inputs);

    /// <summary>
    /// The embedding-bag convention: <paramref name="ids"/> as a padded int64 row named <paramref name="idsInput"/>
    /// (graph input int64 [batch, len], 0 = padding) and its length as a float row of shape [1] named
    /// <paramref name="lengthsInput"/> (graph input float [batch, 1]).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is empty (its mean is undefined).</exception>
    public static InferenceRequest ForTokenIds(long[] ids, string idsInput = "ids", string lengthsInput = "lengths", IReadOnlyList<string>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length == 0)
            throw new ArgumentException("The id sequence is empty; a mean bag needs at least one id.", nameof(ids));
        return new([InputRow.PaddedInt64(idsInput, ids), InputRow.Float(lengthsInput, [ids.Length], 1)], outputs);
    }

    /// <summary>
    /// The weighted-bag convention (CommerceBrain.Nlu's exported models): <paramref name="ids"/> as a padded int64 row
    /// named <paramref name="idsInput"/> and <paramref name="weights"/> as a padded float row named
    /// <paramref name="weightsInput"/> (graph inputs int64 and float [batch, seq], padded with 0). Empty is allowed:
    /// the row becomes one padding id of weight 0.
    /// </summary>
    /// <exception cref="ArgumentException">The two sequences differ in length.</exception>
    public static InferenceRequest ForWeightedTokenIds(
        long[] ids, float[] weights, string idsInput = "ids", string weightsInput = "weights", IReadOnlyList<string>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(weights);
        if (ids.Length != weights.Length)
            throw new ArgumentException($"{ids.Length} ids but {weights.Length} weights; give one weight per id.", nameof(weights));
        return new([InputRow.PaddedInt64(idsInput, ids), InputRow.PaddedFloat(weightsInput, weights)], outputs);
    }
}
