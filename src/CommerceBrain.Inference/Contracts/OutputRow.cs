namespace CommerceBrain.Inference.Contracts;

/// <summary>One example's slice of a graph output (the batch dimension removed).</summary>
public sealed record OutputRow
{
    /// <summary>Creates a row over <paramref name="data"/> (a <c>float[]</c>, <c>long[]</c>, <c>int[]</c>, <c>double[]</c>, <c>bool[]</c> …).</summary>
    public OutputRow(string name, TensorElementType elementType, IReadOnlyList<long> shape, Array data)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
        Data = data;
    }

    /// <summary>The graph output's name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The row's shape without the batch dimension.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The values, row-major.</summary>
    public Array Data { get; }

    /// <summary>The values of a float output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public float[] AsFloats() => Data as float[] ?? throw WrongType(TensorElementType.Float);

    /// <summary>The values of an int64 output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public long[] AsInt64() => Data as long[] ?? throw WrongType(TensorElementType.Int64);

    /// <summary>The values of an int32 output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public int[] AsInt32() => Data as int[] ?? throw WrongType(TensorElementType.Int32);

    InvalidOperationException WrongType(TensorElementType wanted) =>
        new($"Output '{Name}' holds {ElementType} values, not {wanted}.");
}
