using System.Runtime.InteropServices;
using System.Text;

namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Writes the conversion model as an ONNX graph (ModelProto field numbers from onnx.proto, IR version 8, opset 17):
/// <c>conversion = Sigmoid(features · W + b)</c>, input float [batch, features], output float [batch, 1]. A tiny
/// hand-rolled protobuf encoder: the graph has four initialisers and three nodes, not worth a protobuf dependency.
/// </summary>
internal static class OnnxModelWriter
{
    public const string InputName = "features";
    public const string OutputName = "conversion";
    private const int FloatType = 1;

    public static byte[] Write(float[] weights, float bias, string version)
    {
        var graph = new Proto()
            .Message(1, Node("MatMul", [InputName, "W"], ["logit0"]))
            .Message(1, Node("Add", ["logit0", "b"], ["logit"]))
            .Message(1, Node("Sigmoid", ["logit"], [OutputName]))
            .String(2, "coupon_conversion")
            .Message(5, FloatTensor("W", weights, weights.Length, 1))
            .Message(5, FloatTensor("b", [bias], 1))
            .Message(11, Value(InputName, "batch", weights.Length))
            .Message(12, Value(OutputName, "batch", 1));
        return new Proto()
            .Varint(1, 8)
            .String(2, "CommerceBrain.Coupons")
            .String(3, version)
            .String(6, "Coupon conversion probability: logistic regression over ConversionFeatures.")
            .Message(7, graph)
            .Message(8, new Proto().String(1, string.Empty).Varint(2, 17))
            .ToArray();
    }

    private static Proto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new Proto();
        foreach (var i in inputs)
            node.String(1, i);
        foreach (var o in outputs)
            node.String(2, o);
        return node.String(3, op.ToLowerInvariant()).String(4, op);
    }

    private static Proto FloatTensor(string name, float[] data, params long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The ONNX writer needs a little-endian machine.");
        var tensor = new Proto();
        foreach (var d in dims)
            tensor.Varint(1, d);
        return tensor.Varint(2, FloatType).String(8, name).Bytes(9, MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }

    private static Proto Value(string name, string batchSymbol, long width)
    {
        var shape = new Proto()
            .Message(1, new Proto().String(2, batchSymbol))
            .Message(1, new Proto().Varint(1, width));
        var tensorType = new Proto().Varint(1, FloatType).Message(2, shape);
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensorType));
    }

    /// <summary>A protobuf message written field by field into a buffer.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream buffer = new();

        public Proto Varint(int field, long value)
        {
            Tag(field, 0);
            WriteVarint((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            WriteVarint((ulong)value.Length);
            buffer.Write(value);
            return this;
        }

        public Proto Message(int field, Proto value) => Bytes(field, value.ToArray());

        public byte[] ToArray() => buffer.ToArray();

        private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            buffer.WriteByte((byte)value);
        }
    }
}
