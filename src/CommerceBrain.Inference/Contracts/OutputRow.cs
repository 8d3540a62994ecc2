namespace CommerceBrain.Inference.Contracts;

/// <summary>
/// One example's slice of a graph output (the batch dimension removed). Crosses grain calls; marked immutable, so a
/// local grain call hands it over without copying: do not change <see cref="Data"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Inference.OutputRow")]
public sealed record OutputRow
{
    /// <summary>
    /// Creates a row over <paramref name="data"/>: the array type of <paramref name="elementType"/> (<c>float[]</c>,
    /// <c>double[]</c>, <c>Half[]</c>, <c>long[]</c>, <c>int[]</c>, <c>short[]</c>, <c>sbyte[]</c>, <c>ulong[]</c>,
    /// <c>uint[]</c>, <c>ushort[]</c>, <c>byte[]</c>, <c>bool[]</c> or <c>string[]</c>).
    /// </summary>
    public OutputRow(string name, TensorElementType elementType, IReadOnlyList<long> shape, Array data)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
        Data = data;
    }

    /// <summary>The graph output's name.</summary>
    [Id(0)]
    public string Name { get; }

    /// <summary>The element type.</summary>
    [Id(1)]
    public TensorElementType ElementType { get; }

    /// <summary>The row's shape without the batch dimension.</summary>
    [Id(2)]
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The values, row-major.</summary>
    [Id(3)]
    public Array Data { get; }

    /// <summary>The values of a float output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public float[] AsFloats() => As<float>(TensorElementType.Float);

    /// <summary>The values of a double output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public double[] AsDoubles() => As<double>(TensorElementType.Double);

    /// <summary>The values of an int64 output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public long[] AsInt64() => As<long>(TensorElementType.Int64);

    /// <summary>The values of an int32 output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public int[] AsInt32() => As<int>(TensorElementType.Int32);

    /// <summary>The values of a bool output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public bool[] AsBooleans() => As<bool>(TensorElementType.Bool);

    /// <summary>The values of a string output.</summary>
    /// <exception cref="InvalidOperationException">The output holds another element type.</exception>
    public string[] AsStrings() => As<string>(TensorElementType.String);

    // By element type, not by array type: the runtime lets an int[] pass as uint[] (and byte[] as sbyte[], …).
    T[] As<T>(TensorElementType wanted) => ElementType == wanted && Data is T[] values
        ? values
        : throw new InvalidOperationException($"Output '{Name}' holds {ElementType} values, not {wanted}.");
}
