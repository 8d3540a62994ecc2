namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// One example's slice of a graph input, without the batch dimension. The batcher stacks the rows of many requests
/// along a new leading batch dimension: a row of shape [3] feeds a graph input of shape [batch, 3].
/// <para>
/// A <em>padded</em> row (<see cref="PaddedInt64"/>, <see cref="PaddedFloat"/>, <see cref="PaddedInt32"/>) is a
/// variable-length sequence: the batcher pads every such row of a batch with 0 up to the longest one (at least 1, or the
/// graph's fixed length if it has one) and feeds [batch, maxLen]. Id 0 is therefore the padding id: real ids start at 1,
/// or the graph must mask padding. Two conventions work with standard ONNX ops:
/// </para>
/// <list type="bullet">
/// <item><b>weighted bag</b> (<see cref="InferenceRequest.ForWeightedTokenIds"/>, used by CommerceBrain.Nlu): int64
/// <c>ids</c> [batch, seq] and float <c>weights</c> [batch, seq], both padded with 0, so padding weighs nothing
/// (Gather → Mul by Unsqueeze(weights) → ReduceSum over axis 1);</item>
/// <item><b>mean bag</b> (<see cref="InferenceRequest.ForTokenIds"/>): int64 <c>ids</c> [batch, len] padded with 0
/// where the embedding table's row 0 is all zeros, and float <c>lengths</c> [batch, 1] with the true length
/// (Gather → ReduceSum over axis 1 → Div by lengths).</item>
/// </list>
/// <para>
/// Rows cross grain calls and are marked immutable, so Orleans passes them to a local grain without copying: do not
/// change <see cref="Data"/> after handing a row over.
/// </para>
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Inference.InputRow")]
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
    [Id(0)]
    public string Name { get; }

    /// <summary>The element type; must match the graph input's.</summary>
    [Id(1)]
    public TensorElementType ElementType { get; }

    /// <summary>The row's shape without the batch dimension.</summary>
    [Id(2)]
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Whether the row is a variable-length sequence padded with 0 to the batch's longest row.</summary>
    [Id(3)]
    public bool IsPadded { get; }

    /// <summary>The values, row-major (a <c>float[]</c>, <c>long[]</c> or <c>int[]</c>). The batcher copies them; keep them unchanged until the call completes.</summary>
    [Id(4)]
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

    /// <summary>A variable-length int64 sequence (e.g. token ids), padded with 0 in the batch.</summary>
    public static InputRow PaddedInt64(string name, long[] values) =>
        new(name, TensorElementType.Int64, values ?? throw new ArgumentNullException(nameof(values)), [values.Length], padded: true);

    /// <summary>A variable-length float sequence (e.g. per-id weights), padded with 0 in the batch.</summary>
    public static InputRow PaddedFloat(string name, float[] values) =>
        new(name, TensorElementType.Float, values ?? throw new ArgumentNullException(nameof(values)), [values.Length], padded: true);

    /// <summary>A variable-length int32 sequence, padded with 0 in the batch.</summary>
    public static InputRow PaddedInt32(string name, int[] values) =>
        new(name, TensorElementType.Int32, values ?? throw new ArgumentNullException(nameof(values)), [values.Length], padded: true);
}
