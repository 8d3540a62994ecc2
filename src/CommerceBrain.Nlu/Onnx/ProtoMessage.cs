using Google.Protobuf;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>
/// A protobuf message under construction: fields in order, sizes computed up front so nested messages are written
/// straight into one <see cref="CodedOutputStream"/> (no intermediate copies of large tensors).
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<Field> _fields = [];

    public ProtoMessage Int64(int number, long value)
    {
        _fields.Add(new Field(number, WireFormat.WireType.Varint, value, null, null, 0));
        return this;
    }

    public ProtoMessage Float(int number, float value)
    {
        _fields.Add(new Field(number, WireFormat.WireType.Fixed32, 0, null, null, value));
        return this;
    }

    public ProtoMessage String(int number, string value) => Bytes(number, System.Text.Encoding.UTF8.GetBytes(value));

    public ProtoMessage Bytes(int number, byte[] value)
    {
        _fields.Add(new Field(number, WireFormat.WireType.LengthDelimited, 0, value, null, 0));
        return this;
    }

    /// <summary>A bytes field holding the little-endian bytes of a float array (written without a copy).</summary>
    public ProtoMessage FloatBytes(int number, float[] value)
    {
        _fields.Add(new Field(number, WireFormat.WireType.LengthDelimited, 0, value, null, 0));
        return this;
    }

    public ProtoMessage Message(int number, ProtoMessage value)
    {
        _fields.Add(new Field(number, WireFormat.WireType.LengthDelimited, 0, null, value, 0));
        return this;
    }

    public long Size()
    {
        long size = 0;
        foreach (var f in _fields)
        {
            size += CodedOutputStream.ComputeTagSize(f.Number);
            switch (f.Wire)
            {
                case WireFormat.WireType.Varint:
                    size += CodedOutputStream.ComputeInt64Size(f.Integer);
                    break;
                case WireFormat.WireType.Fixed32:
                    size += 4;
                    break;
                default:
                    var length = f.Child?.Size() ?? PayloadLength(f.Payload);
                    if (length > int.MaxValue)
                    {
                        throw new InvalidOperationException("An ONNX message cannot exceed 2 GB; use fewer buckets or a smaller dimension.");
                    }

                    size += CodedOutputStream.ComputeLengthSize((int)length) + length;
                    break;
            }
        }

        return size;
    }

    private static long PayloadLength(Array? payload) => payload switch
    {
        byte[] b => b.Length,
        float[] f => 4L * f.Length,
        _ => 0,
    };

    /// <summary>Writes the message; large payloads go straight to <paramref name="stream"/>, which <paramref name="output"/> wraps.</summary>
    public void WriteTo(CodedOutputStream output, Stream stream)
    {
        foreach (var f in _fields)
        {
            output.WriteTag(f.Number, f.Wire);
            switch (f.Wire)
            {
                case WireFormat.WireType.Varint:
                    output.WriteInt64(f.Integer);
                    break;
                case WireFormat.WireType.Fixed32:
                    output.WriteFloat(f.Real);
                    break;
                default:
                    if (f.Child is { } child)
                    {
                        output.WriteLength((int)child.Size());
                        child.WriteTo(output, stream);
                    }
                    else
                    {
                        var bytes = f.Payload switch
                        {
                            float[] floats => System.Runtime.InteropServices.MemoryMarshal.AsBytes(floats.AsSpan()),
                            byte[] raw => raw.AsSpan(),
                            _ => Span<byte>.Empty,
                        };
                        output.WriteLength(bytes.Length);
                        output.Flush();
                        stream.Write(bytes);
                    }

                    break;
            }
        }
    }

    private readonly record struct Field(int Number, WireFormat.WireType Wire, long Integer, Array? Payload,
        ProtoMessage? Child, float Real);
}
