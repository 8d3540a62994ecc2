namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// One example's slice of a graph input, without the batch dimension. The batcher stacks the rows of many requests
/// along a new leading batch dimension: a row of shape [3] feeds a graph input of shape [batch, 3].
/// <para>
/// A <em>padded</em> row (<see cref="PaddedInt64"/>) is a variable-length sequence: the batcher pads every such row of a
/// batch with 0 up to the longest one (or to the graph's fixed length) and feeds [batch, maxLen]. The convention for
/// embedding-bag models: id 0 is padding, so the embedding table's row 0 is all zeros and real ids are ≥ 1; pair the ids
/// with a float "lengths" row of shape [1] holding the true length, and let the graph divide the summed embeddings by it
/// (Gather → ReduceSum over axis 1 → Div). <see cref="InferenceRequest.ForTokenIds"/> builds exactly that pair.
/// </para>
/// </summary>
public sealed record InputRow
{
    InputRow(string name, TensorElementType elementType, Array data, long[] shape, bool padded)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (shape.Length == 0)
            shape = [data.Length];
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"Input row '{name}' has a negative dimension.", nameof(shape));
            count *= dim;
        }
        if (count != data.Length)
            throw new ArgumentException(
                $"Input row '{name}' has {data.Length} values but shape [{string.Join(", ", shape)}] needs {count}.", nameof(shape));
        Name = name;
        ElementType = elementType;
        Data = data;
        Shape = shape;
        IsPadded = padded;
    }

    /// <summary>The graph input this row feeds.</summary>
    public string Name { get; }

    /// <summary>The element type; must match the graph input's.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The row's shape without the batch dimension.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Whether the row is a variable-length sequence padded with 0 to the batch's longest row.</summary>
    public bool IsPadded { get; }

    /// <summary>The values, row-major (a <c>float[]</c>, <c>long[]</c> or <c>int[]</c>). The batcher copies them; keep them unchanged until the call completes.</summary>
    public Array Data { get; }

    /// <summary>A float row; <paramref name="shape"/> defaults to [values.Length].</summary>
    public static InputRow Float(string name, float[] values, params long[] shape) =>
        new(name, TensorElementType.Float, values ?? throw new ArgumentNullException(nameof(values)), shape, padded: false);

    /// <summary>An int64 row; <paramref name="shape"/> defaults to [values.Length].</summary>
    public static InputRow Int64(string name, long[] values, params long[] shape) =>
        new(name, TensorElementType.Int64, values ?? throw new ArgumentNullException(nameof(values)), shape, padded: false);

    /// <summary>An int32 row; <paramref name="shape"/> defaults to [values.Length].</summary>
    public static InputRow Int32(string name, int[] values, params long[] shape) =>
        new(name, TensorElementType.Int32, values ?? throw new ArgumentNullException(nameof(values)), shape, padded: false);

    /// <summary>A variable-length int64 sequence (e.g. token ids), padded with 0 in the batch; it must not be empty.</summary>
    public static InputRow PaddedInt64(string name, long[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length == 0)
            throw new ArgumentException($"Padded row '{name}' is empty; give at least one id.", nameof(ids));
        return new(name, TensorElementType.Int64, ids, [ids.Length], padded: true);
    }
}
