using System.Runtime.InteropServices;
using Ort = Microsoft.ML.OnnxRuntime;

namespace CommerceBrain.Inference;

/// <summary>
/// A named output tensor copied out of ORT's buffer (the native value is released before <c>Run</c> returns). Element
/// types: float, double, float16 (<see cref="Half"/>), int8/16/32/64, uint8/16/32/64, bool and string.
/// </summary>
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

    /// <summary>The elements of a double tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public double[] AsDoubles() => As<double>(TensorElementType.Double);

    /// <summary>The elements of a float16 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public Half[] AsHalves() => As<Half>(TensorElementType.Float16);

    /// <summary>The elements of an int64 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public long[] AsInt64() => As<long>(TensorElementType.Int64);

    /// <summary>The elements of an int32 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public int[] AsInt32() => As<int>(TensorElementType.Int32);

    /// <summary>The elements of an int16 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public short[] AsInt16() => As<short>(TensorElementType.Int16);

    /// <summary>The elements of an int8 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public sbyte[] AsInt8() => As<sbyte>(TensorElementType.Int8);

    /// <summary>The elements of a uint64 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public ulong[] AsUInt64() => As<ulong>(TensorElementType.UInt64);

    /// <summary>The elements of a uint32 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public uint[] AsUInt32() => As<uint>(TensorElementType.UInt32);

    /// <summary>The elements of a uint16 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public ushort[] AsUInt16() => As<ushort>(TensorElementType.UInt16);

    /// <summary>The elements of a uint8 tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public byte[] AsUInt8() => As<byte>(TensorElementType.UInt8);

    /// <summary>The elements of a bool tensor, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public bool[] AsBooleans() => As<bool>(TensorElementType.Bool);

    /// <summary>The elements of a string tensor, row-major (decoded from ORT's UTF-8).</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public string[] AsStrings() => As<string>(TensorElementType.String);

    internal Array RawData => data;

    /// <summary>Copies a tensor ORT produced into managed memory; <paramref name="value"/> stays owned by the caller.</summary>
    /// <exception cref="NotSupportedException">The value is not a tensor, or its element type has no managed counterpart here.</exception>
    internal static TensorOutput CopyFrom(string name, Ort.OrtValue value, string source)
    {
        if (!value.IsTensor)
            throw new NotSupportedException($"Output '{name}' of model {source} is a {value.OnnxType}, not a tensor; only tensor outputs are supported.");
        var info = value.GetTensorTypeAndShape();
        var type = (TensorElementType)(int)info.ElementDataType;
        // Each copy is sized by the element's own width (bool and uint8 are 1 byte, float16 2), never by a fixed 4.
        Array data = type switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorElementType.Float16 => MemoryMarshal.Cast<byte, Half>(value.GetTensorMutableRawData()).ToArray(),
            TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorElementType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorElementType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorElementType.UInt64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            TensorElementType.UInt32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorElementType.UInt16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorElementType.UInt8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            TensorElementType.String => value.GetStringTensorAsArray(),
            _ => throw new NotSupportedException($"Output '{name}' of model {source} has element type {type}, which is not supported."),
        };
        return new TensorOutput(name, type, info.Shape, data);
    }

    // By element type, not by array type: the runtime lets a byte[] pass as sbyte[] (and int[] as uint[], …).
    T[] As<T>(TensorElementType expected) => ElementType == expected
        ? (T[])data
        : throw new InvalidOperationException($"Output '{Name}' holds {ElementType} elements, not {expected}.");
}
