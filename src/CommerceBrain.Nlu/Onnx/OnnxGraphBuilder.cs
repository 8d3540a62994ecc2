using System.Runtime.InteropServices;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>
/// A minimal ONNX model writer (ModelProto field numbers from onnx.proto, IR version 8, default-domain opset 17):
/// nodes with typed attributes, float/int64 initialisers as little-endian <c>raw_data</c>, and graph inputs/outputs
/// with symbolic dimensions.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>IR version written; ONNX Runtime 1.31.1 (and 1.22 before it) loads it.</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset written (≤ 21 keeps LpNormalization at its v1 semantics).</summary>
    public const long Opset = 17;

    private const int FloatType = 1;
    private const int Int8Type = 3;
    private const int Int32Type = 6;
    private const int Int64Type = 7;

    private readonly ProtoMessage _graph = new();
    private int _nodeCount;

    /// <summary>Starts a graph.</summary>
    public OnnxGraphBuilder(string name) => _graph.String(2, name);

    /// <summary>Adds a float input; a string dimension is symbolic, a number fixed.</summary>
    public OnnxGraphBuilder FloatInput(string name, params object[] dims) => Value(11, name, FloatType, dims);

    /// <summary>Adds an int64 input.</summary>
    public OnnxGraphBuilder Int64Input(string name, params object[] dims) => Value(11, name, Int64Type, dims);

    /// <summary>Adds a float output.</summary>
    public OnnxGraphBuilder FloatOutput(string name, params object[] dims) => Value(12, name, FloatType, dims);

    /// <summary>Adds a float initialiser of the given shape.</summary>
    public OnnxGraphBuilder Initializer(string name, float[] data, params long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The ONNX writer needs a little-endian machine.");
        }

        return Tensor(name, FloatType, t => t.FloatBytes(9, data), dims);
    }

    /// <summary>Adds an int64 initialiser of the given shape.</summary>
    public OnnxGraphBuilder Initializer(string name, long[] data, params long[] dims)
    {
        var bytes = MemoryMarshal.AsBytes(data.AsSpan()).ToArray();
        return Tensor(name, Int64Type, t => t.Bytes(9, bytes), dims);
    }

    /// <summary>Adds an int32 initialiser of the given shape.</summary>
    public OnnxGraphBuilder Initializer(string name, int[] data, params long[] dims)
    {
        var bytes = MemoryMarshal.AsBytes(data.AsSpan()).ToArray();
        return Tensor(name, Int32Type, t => t.Bytes(9, bytes), dims);
    }

    /// <summary>Adds an int8 initialiser of the given shape.</summary>
    public OnnxGraphBuilder Initializer(string name, sbyte[] data, params long[] dims)
    {
        var bytes = MemoryMarshal.AsBytes(data.AsSpan()).ToArray();
        return Tensor(name, Int8Type, t => t.Bytes(9, bytes), dims);
    }

    /// <summary>Adds a node; attributes are int (long), float, or int list (long[]) values.</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new ProtoMessage();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, $"{opType.ToLowerInvariant()}_{_nodeCount++}");
        node.String(4, opType);
        foreach (var (attrName, value) in attributes)
        {
            var attr = new ProtoMessage().String(1, attrName);
            switch (value)
            {
                case long i:
                    attr.Int64(3, i).Int64(20, 2);
                    break;
                case int i:
                    attr.Int64(3, i).Int64(20, 2);
                    break;
                case float f:
                    attr.Float(2, f).Int64(20, 1);
                    break;
                case long[] ints:
                    foreach (var i in ints)
                    {
                        attr.Int64(8, i);
                    }

                    attr.Int64(20, 7);
                    break;
                default:
                    throw new ArgumentException($"Unsupported attribute type {value.GetType().Name}.", nameof(attributes));
            }

            node.Message(5, attr);
        }

        _graph.Message(1, node);
        return this;
    }

    /// <summary>Serialises the model.</summary>
    public void WriteTo(Stream stream, string producerVersion, string docString)
    {
        var model = new ProtoMessage()
            .Int64(1, IrVersion)
            .String(2, "CommerceBrain.Nlu")
            .String(3, producerVersion)
            .String(6, docString)
            .Message(7, _graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Int64(2, Opset));
        var output = new Google.Protobuf.CodedOutputStream(stream, leaveOpen: true);
        model.WriteTo(output, stream);
        output.Flush();
    }

    private OnnxGraphBuilder Tensor(string name, int type, Action<ProtoMessage> raw, long[] dims)
    {
        var tensor = new ProtoMessage();
        foreach (var d in dims)
        {
            tensor.Int64(1, d);
        }

        tensor.Int64(2, type).String(8, name);
        raw(tensor);
        _graph.Message(5, tensor);
        return this;
    }

    private OnnxGraphBuilder Value(int field, string name, int elementType, object[] dims)
    {
        var shape = new ProtoMessage();
        foreach (var d in dims)
        {
            var dim = new ProtoMessage();
            _ = d switch
            {
                string symbol => dim.String(2, symbol),
                int n => dim.Int64(1, n),
                long n => dim.Int64(1, n),
                _ => throw new ArgumentException("Dimensions are strings (symbolic) or integers.", nameof(dims)),
            };
            shape.Message(1, dim);
        }

        var tensorType = new ProtoMessage().Int64(1, elementType).Message(2, shape);
        var type = new ProtoMessage().Message(1, tensorType);
        _graph.Message(field, new ProtoMessage().String(1, name).Message(2, type));
        return this;
    }
}
