namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// One example for a model: one <see cref="InputRow"/> per graph input (no more, no fewer), and optionally the outputs
/// wanted (all of the graph's outputs when null).
/// </summary>
/// <param name="Inputs">One row per graph input.</param>
/// <param name="Outputs">The graph outputs to compute, or null for all of them.</param>
public sealed record InferenceRequest(IReadOnlyList<InputRow> Inputs, IReadOnlyList<string>? Outputs = null)
{
    /// <summary>A request with the given rows and all outputs.</summary>
    public static InferenceRequest Of(params InputRow[] inputs) => new(inputs);

    /// <summary>
    /// The embedding-bag convention: <paramref name="ids"/> as a padded int64 row named <paramref name="idsInput"/>
    /// (graph input int64 [batch, len], 0 = padding) and its length as a float row of shape [1] named
    /// <paramref name="lengthsInput"/> (graph input float [batch, 1]).
    /// </summary>
    public static InferenceRequest ForTokenIds(long[] ids, string idsInput = "ids", string lengthsInput = "lengths", IReadOnlyList<string>? outputs = null)
    {
        var row = InputRow.PaddedInt64(idsInput, ids);
        return new([row, InputRow.Float(lengthsInput, [ids.Length], 1)], outputs);
    }
}
