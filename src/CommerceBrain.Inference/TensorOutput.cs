namespace CommerceBrain.Inference;

/// <summary>A named output tensor copied out of ORT's buffer (the native value is released before <c>Run</c> returns).</summary>
public sealed class TensorOutput
{
    readonly Array data;

    internal TensorOutput(string name, TensorElementType elementType, long[] shape, Array data)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
        this.data = data;
    }

    /// <summary>The graph output's name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The tensor's shape as produced by the run.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The number of elements.</summary>
    public int Length => data.Length;

    /// <summary>The elements of a float tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public float[] AsFloats() => As<float>(TensorElementType.Float);

    /// <summary>The elements of an int64 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public long[] AsInt64() => As<long>(TensorElementType.Int64);

    /// <summary>The elements of an int32 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public int[] AsInt32() => As<int>(TensorElementType.Int32);

    /// <summary>The elements of a double tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public double[] AsDoubles() => As<double>(TensorElementType.Double);

    /// <summary>The elements of a bool tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public bool[] AsBooleans() => As<bool>(TensorElementType.Bool);

    internal Array RawData => data;

    T[] As<T>(TensorElementType expected) => data as T[] ?? throw new InvalidOperationException(
        $"Output '{Name}' holds {ElementType} elements, not {expected}.");
}
