using System.Runtime.InteropServices;
using Ort = Microsoft.ML.OnnxRuntime;

namespace CommerceBrain.Inference;

/// <summary>
/// A named input tensor over caller-owned memory. <see cref="OnnxSession.Run"/> pins the memory and hands ORT a tensor
/// over it without copying, so the caller must not change it until <c>Run</c> returns.
/// </summary>
public sealed class TensorInput
{
    readonly ReadOnlyMemory<float> floats;
    readonly ReadOnlyMemory<long> int64s;
    readonly ReadOnlyMemory<int> int32s;
    readonly long[] shape;

    TensorInput(string name, TensorElementType type, long[] shape, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        long expected = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"Input '{name}' has a negative dimension in shape [{string.Join(", ", shape)}].", nameof(shape));
            expected *= dim;
        }
        if (expected != length)
            throw new ArgumentException(
                $"Input '{name}' has {length} elements but shape [{string.Join(", ", shape)}] needs {expected}.", nameof(shape));
        Name = name;
        ElementType = type;
        this.shape = shape;
    }

    TensorInput(string name, ReadOnlyMemory<float> data, long[] shape) : this(name, TensorElementType.Float, shape, data.Length) => floats = data;

    TensorInput(string name, ReadOnlyMemory<long> data, long[] shape) : this(name, TensorElementType.Int64, shape, data.Length) => int64s = data;

    TensorInput(string name, ReadOnlyMemory<int> data, long[] shape) : this(name, TensorElementType.Int32, shape, data.Length) => int32s = data;

    /// <summary>The graph input this feeds.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The tensor's shape; its product equals the number of elements.</summary>
    public IReadOnlyList<long> Shape => shape;

    /// <summary>A float tensor; <paramref name="shape"/>'s product must equal <paramref name="data"/>'s length.</summary>
    public static TensorInput Float(string name, ReadOnlyMemory<float> data, params ReadOnlySpan<long> shape) => new(name, data, shape.ToArray());

    /// <summary>An int64 tensor (token ids, offsets); <paramref name="shape"/>'s product must equal the length.</summary>
    public static TensorInput Int64(string name, ReadOnlyMemory<long> data, params ReadOnlySpan<long> shape) => new(name, data, shape.ToArray());

    /// <summary>An int32 tensor; <paramref name="shape"/>'s product must equal <paramref name="data"/>'s length.</summary>
    public static TensorInput Int32(string name, ReadOnlyMemory<int> data, params ReadOnlySpan<long> shape) => new(name, data, shape.ToArray());

    /// <summary>An ORT tensor over the caller's memory, pinned until the value is disposed (no copy).</summary>
    internal Ort.OrtValue CreateValue() => ElementType switch
    {
        TensorElementType.Float => Wrap(floats, shape),
        TensorElementType.Int64 => Wrap(int64s, shape),
        _ => Wrap(int32s, shape),
    };

    static Ort.OrtValue Wrap<T>(ReadOnlyMemory<T> data, long[] shape) where T : unmanaged =>
        // ORT only reads inputs, so handing it the read-only memory as writable is safe. An empty tensor still needs a
        // non-null buffer, hence the one-element stand-in (the shape, not the buffer, says how much is read).
        Ort.OrtValue.CreateTensorValueFromMemory(
            Ort.OrtMemoryInfo.DefaultInstance, data.IsEmpty ? OneElement<T>.Memory : MemoryMarshal.AsMemory(data), shape);

    static class OneElement<T> where T : unmanaged
    {
        public static readonly Memory<T> Memory = new T[1];
    }
}
