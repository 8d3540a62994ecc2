using Google.Protobuf;

namespace CommerceBrain.Inference.Tests.Models;

/// <summary>
/// A tiny test-only ONNX writer: enough of ModelProto (field numbers from onnx.proto) to build small graphs with known
/// weights, any tensor element type on inputs and outputs, and subgraph attributes (Loop bodies). Nested messages are
/// written into their own buffer first, then emitted length-prefixed. (CommerceBrain.Nlu's OnnxGraphBuilder is the
/// production writer; it only declares the float and int64 inputs/outputs its models use.)
/// </summary>
internal sealed class OnnxModelWriter
{
    readonly List<byte[]> nodes = [];
    readonly List<byte[]> initializers = [];
    readonly List<byte[]> inputs = [];
    readonly List<byte[]> outputs = [];

    public long IrVersion { get; init; } = 10;

    public long Opset { get; init; } = 17;

    /// <summary>A graph input or output; a string dimension is symbolic (dim_param), a long is fixed (dim_value).</summary>
    public OnnxModelWriter Input(string name, int elemType, params object[] dims)
    {
        inputs.Add(ValueInfo(name, elemType, dims));
        return this;
    }

    public OnnxModelWriter Output(string name, int elemType, params object[] dims)
    {
        outputs.Add(ValueInfo(name, elemType, dims));
        return this;
    }

    public OnnxModelWriter FloatInitializer(string name, float[] values, params long[] dims) =>
        Initializer(name, DataType.Float, dims, values.SelectMany(BitConverter.GetBytes).ToArray());

    public OnnxModelWriter Int64Initializer(string name, long[] values, params long[] dims) =>
        Initializer(name, DataType.Int64, dims, values.SelectMany(BitConverter.GetBytes).ToArray());

    public OnnxModelWriter Int32Initializer(string name, int scalar) =>
        Initializer(name, DataType.Int32, [], BitConverter.GetBytes(scalar));

    /// <summary>An int64 scalar (rank 0) initializer.</summary>
    public OnnxModelWriter Int64Scalar(string name, long scalar) =>
        Initializer(name, DataType.Int64, [], BitConverter.GetBytes(scalar));

    public OnnxModelWriter Node(string opType, string[] nodeInputs, string[] nodeOutputs, params (string Name, object Value)[] attributes)
    {
        nodes.Add(Message(s =>
        {
            foreach (var input in nodeInputs)
                s.WriteString(1, input);
            foreach (var output in nodeOutputs)
                s.WriteString(2, output);
            s.WriteString(3, $"{opType}_{nodes.Count}");
            s.WriteString(4, opType);
            foreach (var (name, value) in attributes)
                s.WriteMessage(5, Attribute(name, value));
        }));
        return this;
    }

    public byte[] Build() => Message(s =>
    {
        s.WriteInt64(1, IrVersion);
        s.WriteString(2, "CommerceBrain.Inference.Tests");
        s.WriteMessage(7, BuildGraph("test_graph"));
        s.WriteMessage(8, Message(o =>
        {
            o.WriteString(1, "");
            o.WriteInt64(2, Opset);
        }));
    });

    /// <summary>The GraphProto alone, for a subgraph attribute (e.g. a Loop body); outer-scope names are visible in it.</summary>
    public byte[] BuildGraph(string name) => Message(g =>
    {
        foreach (var node in nodes)
            g.WriteMessage(1, node);
        g.WriteString(2, name);
        foreach (var initializer in initializers)
            g.WriteMessage(5, initializer);
        foreach (var input in inputs)
            g.WriteMessage(11, input);
        foreach (var output in outputs)
            g.WriteMessage(12, output);
    });

    OnnxModelWriter Initializer(string name, int dataType, long[] dims, byte[] raw)
    {
        initializers.Add(Message(t =>
        {
            foreach (var dim in dims)
                t.WriteInt64(1, dim);
            t.WriteInt64(2, dataType);
            t.WriteString(8, name);
            t.WriteBytes(9, raw);
        }));
        return this;
    }

    static byte[] Attribute(string name, object value) => Message(a =>
    {
        a.WriteString(1, name);
        switch (value)
        {
            case long i:
                a.WriteInt64(3, i);
                a.WriteInt64(20, 2);
                break;
            case int i:
                a.WriteInt64(3, i);
                a.WriteInt64(20, 2);
                break;
            case float f:
                a.Stream.WriteTag(2, WireFormat.WireType.Fixed32);
                a.Stream.WriteFloat(f);
                a.WriteInt64(20, 1);
                break;
            case long[] ints:
                foreach (var i in ints)
                    a.WriteInt64(8, i);
                a.WriteInt64(20, 7);
                break;
            case Subgraph graph:
                a.WriteMessage(6, graph.GraphProto);
                a.WriteInt64(20, 5);
                break;
            default:
                throw new ArgumentException($"Unsupported attribute value {value.GetType()}.");
        }
    });

    static byte[] ValueInfo(string name, int elemType, object[] dims) => Message(v =>
    {
        v.WriteString(1, name);
        v.WriteMessage(2, Message(type => type.WriteMessage(1, Message(tensor =>
        {
            tensor.WriteInt64(1, elemType);
            tensor.WriteMessage(2, Message(shape =>
            {
                foreach (var dim in dims)
                    shape.WriteMessage(1, Message(d =>
                    {
                        if (dim is string symbolic)
                            d.WriteString(2, symbolic);
                        else
                            d.WriteInt64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                    }));
            }));
        }))));
    });

    static byte[] Message(Action<ProtoWriter> write)
    {
        using var buffer = new MemoryStream();
        var stream = new CodedOutputStream(buffer, leaveOpen: true);
        write(new ProtoWriter(stream));
        stream.Flush();
        return buffer.ToArray();
    }

    /// <summary>A graph-valued attribute (AttributeProto.g), e.g. a Loop's body.</summary>
    internal sealed record Subgraph(byte[] GraphProto);

    /// <summary>TensorProto.DataType values (the same numbers as <see cref="TensorElementType"/>).</summary>
    internal static class DataType
    {
        public const int Float = 1;
        public const int UInt8 = 2;
        public const int Int8 = 3;
        public const int UInt16 = 4;
        public const int Int16 = 5;
        public const int Int32 = 6;
        public const int Int64 = 7;
        public const int String = 8;
        public const int Bool = 9;
        public const int Float16 = 10;
        public const int Double = 11;
        public const int UInt32 = 12;
        public const int UInt64 = 13;
    }

    internal readonly struct ProtoWriter(CodedOutputStream stream)
    {
        public CodedOutputStream Stream => stream;

        public void WriteString(int field, string value)
        {
            stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
            stream.WriteString(value);
        }

        public void WriteBytes(int field, byte[] value)
        {
            stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
            stream.WriteBytes(ByteString.CopyFrom(value));
        }

        public void WriteMessage(int field, byte[] message) => WriteBytes(field, message);

        public void WriteInt64(int field, long value)
        {
            stream.WriteTag(field, WireFormat.WireType.Varint);
            stream.WriteInt64(value);
        }
    }
}
