using System.Text;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>
/// Reads back what <see cref="OnnxGraphBuilder"/> writes: the initialisers (float and int64, raw_data or typed
/// fields) and the names of the graph inputs and outputs. Any structural damage raises
/// <see cref="InvalidDataException"/>.
/// </summary>
public sealed class OnnxModelReader
{
    private readonly Dictionary<string, (long[] Dims, float[]? Floats, long[]? Longs, byte[]? Raw, long Type)> _initializers = new(StringComparer.Ordinal);

    private OnnxModelReader(string source) => Source = source;

    /// <summary>Where the model came from (for messages).</summary>
    public string Source { get; }

    /// <summary>Graph input names in order.</summary>
    public List<string> Inputs { get; } = [];

    /// <summary>Graph output names in order.</summary>
    public List<string> Outputs { get; } = [];

    /// <summary>Operator types of the nodes, in order.</summary>
    public List<string> Operators { get; } = [];

    /// <summary>Parses a model file.</summary>
    public static OnnxModelReader Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ONNX model '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses model bytes.</summary>
    public static OnnxModelReader Parse(byte[] bytes, string source)
    {
        var reader = new OnnxModelReader(source);
        var sawGraph = false;
        try
        {
            var span = new Cursor(bytes, 0, bytes.Length);
            while (span.More)
            {
                var (field, wire) = span.Tag();
                if (field == 7 && wire == 2)
                {
                    reader.ReadGraph(span.Sub());
                    sawGraph = true;
                }
                else
                {
                    span.Skip(wire);
                }
            }
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException or InvalidDataException)
        {
            throw new InvalidDataException($"'{source}' is not a valid ONNX model: {e.Message}", e);
        }

        if (!sawGraph)
        {
            throw new InvalidDataException($"'{source}' is not a valid ONNX model: it has no graph.");
        }

        return reader;
    }

    /// <summary>A float initialiser and its shape; throws <see cref="InvalidDataException"/> when missing or mis-shaped.</summary>
    public float[] Floats(string name, params long[] expectedDims)
    {
        if (!_initializers.TryGetValue(name, out var t) || t.Floats is null)
        {
            throw new InvalidDataException($"'{Source}' has no float initializer '{name}'.");
        }

        if (!t.Dims.SequenceEqual(expectedDims))
        {
            throw new InvalidDataException(
                $"'{Source}': initializer '{name}' has shape [{string.Join(',', t.Dims)}], expected [{string.Join(',', expectedDims)}].");
        }

        return t.Floats;
    }

    /// <summary>True when the graph has an initialiser of that name.</summary>
    public bool HasInitializer(string name) => _initializers.ContainsKey(name);

    /// <summary>The shape of an initialiser; throws <see cref="InvalidDataException"/> when missing.</summary>
    public long[] Shape(string name) => _initializers.TryGetValue(name, out var t)
        ? t.Dims
        : throw new InvalidDataException($"'{Source}' has no initializer '{name}'.");

    /// <summary>An int32 initialiser (raw_data) and its shape; throws <see cref="InvalidDataException"/> when missing or mis-shaped.</summary>
    public int[] Int32s(string name, params long[] expectedDims)
    {
        var raw = Raw(name, 6, "int32", expectedDims);
        var result = new int[raw.Length / 4];
        Buffer.BlockCopy(raw, 0, result, 0, raw.Length);
        return result;
    }

    /// <summary>An int8 initialiser (raw_data) and its shape; throws <see cref="InvalidDataException"/> when missing or mis-shaped.</summary>
    public sbyte[] Int8s(string name, params long[] expectedDims)
    {
        var raw = Raw(name, 3, "int8", expectedDims);
        var result = new sbyte[raw.Length];
        Buffer.BlockCopy(raw, 0, result, 0, raw.Length);
        return result;
    }

    private byte[] Raw(string name, long type, string typeName, long[] expectedDims)
    {
        if (!_initializers.TryGetValue(name, out var t) || t.Type != type || t.Raw is null)
        {
            throw new InvalidDataException($"'{Source}' has no {typeName} initializer '{name}' (raw_data).");
        }

        if (!t.Dims.SequenceEqual(expectedDims))
        {
            throw new InvalidDataException(
                $"'{Source}': initializer '{name}' has shape [{string.Join(',', t.Dims)}], expected [{string.Join(',', expectedDims)}].");
        }

        return t.Raw;
    }

    private void ReadGraph(Cursor graph)
    {
        while (graph.More)
        {
            var (field, wire) = graph.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    ReadNode(graph.Sub());
                    break;
                case 5 when wire == 2:
                    ReadTensor(graph.Sub());
                    break;
                case 11 when wire == 2:
                    Inputs.Add(ReadName(graph.Sub()));
                    break;
                case 12 when wire == 2:
                    Outputs.Add(ReadName(graph.Sub()));
                    break;
                default:
                    graph.Skip(wire);
                    break;
            }
        }
    }

    private void ReadNode(Cursor node)
    {
        while (node.More)
        {
            var (field, wire) = node.Tag();
            if (field == 4 && wire == 2)
            {
                Operators.Add(node.String());
            }
            else
            {
                node.Skip(wire);
            }
        }
    }

    private static string ReadName(Cursor value)
    {
        while (value.More)
        {
            var (field, wire) = value.Tag();
            if (field == 1 && wire == 2)
            {
                return value.String();
            }

            value.Skip(wire);
        }

        throw new InvalidDataException("a graph input or output has no name.");
    }

    private void ReadTensor(Cursor tensor)
    {
        var dims = new List<long>();
        long type = 0;
        string? name = null;
        Cursor? raw = null;
        var floats = new List<float>();
        var longs = new List<long>();
        while (tensor.More)
        {
            var (field, wire) = tensor.Tag();
            switch (field)
            {
                case 1 when wire == 0:
                    dims.Add(tensor.Varint());
                    break;
                case 1 when wire == 2:
                    var packedDims = tensor.Sub();
                    while (packedDims.More)
                    {
                        dims.Add(packedDims.Varint());
                    }

                    break;
                case 2 when wire == 0:
                    type = tensor.Varint();
                    break;
                case 8 when wire == 2:
                    name = tensor.String();
                    break;
                case 9 when wire == 2:
                    raw = tensor.Sub();
                    break;
                case 4 when wire == 2:
                    var packedFloats = tensor.Sub();
                    while (packedFloats.More)
                    {
                        floats.Add(packedFloats.Fixed32());
                    }

                    break;
                case 7 when wire == 2:
                    var packedLongs = tensor.Sub();
                    while (packedLongs.More)
                    {
                        longs.Add(packedLongs.Varint());
                    }

                    break;
                default:
                    tensor.Skip(wire);
                    break;
            }
        }

        if (name is null)
        {
            throw new InvalidDataException("an initializer has no name.");
        }

        var count = dims.Aggregate(1L, (a, d) => d < 0 ? throw new InvalidDataException("negative dimension") : checked(a * d));
        switch (type)
        {
            case 1:
                var f = raw is { } r ? r.Floats() : floats.ToArray();
                if (f.LongLength != count)
                {
                    throw new InvalidDataException($"initializer '{name}' holds {f.LongLength} values but its shape needs {count}.");
                }

                _initializers[name] = (dims.ToArray(), f, null, null, type);
                break;
            case 7:
                var l = raw is { } rl ? rl.Longs() : longs.ToArray();
                if (l.LongLength != count)
                {
                    throw new InvalidDataException($"initializer '{name}' holds {l.LongLength} values but its shape needs {count}.");
                }

                _initializers[name] = (dims.ToArray(), null, l, null, type);
                break;
            case 3 or 6:
                var width = type == 3 ? 1 : 4;
                var bytes = raw is { } rb ? rb.Bytes() : null;
                if (bytes is not null && bytes.LongLength != count * width)
                {
                    throw new InvalidDataException($"initializer '{name}' holds {bytes.LongLength / width} values but its shape needs {count}.");
                }

                _initializers[name] = (dims.ToArray(), null, null, bytes, type);
                break;
            default:
                _initializers[name] = (dims.ToArray(), null, null, null, type);
                break;
        }
    }

    /// <summary>A bounds-checked window over protobuf bytes.</summary>
    private sealed class Cursor(byte[] bytes, int start, int end)
    {
        private int _at = start;

        public bool More => _at < end;

        public (int Field, int Wire) Tag()
        {
            var tag = Varint();
            var field = (int)(tag >> 3);
            if (field <= 0)
            {
                throw new InvalidDataException($"invalid field number at byte {_at}.");
            }

            return (field, (int)(tag & 7));
        }

        public long Varint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_at >= end)
                {
                    throw new InvalidDataException("truncated varint.");
                }

                var b = bytes[_at++];
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return (long)result;
                }
            }

            throw new InvalidDataException("varint longer than 10 bytes.");
        }

        public float Fixed32()
        {
            Need(4);
            var value = BitConverter.ToSingle(bytes, _at);
            _at += 4;
            return value;
        }

        public Cursor Sub()
        {
            var length = Varint();
            if (length < 0 || length > end - _at)
            {
                throw new InvalidDataException($"a length of {length} runs past the end of its message.");
            }

            var sub = new Cursor(bytes, _at, _at + (int)length);
            _at += (int)length;
            return sub;
        }

        public string String()
        {
            var sub = Sub();
            return Encoding.UTF8.GetString(bytes, sub._at, sub.Remaining);
        }

        public float[] Floats()
        {
            if (Remaining % 4 != 0)
            {
                throw new InvalidDataException("float raw_data length is not a multiple of 4.");
            }

            var result = new float[Remaining / 4];
            Buffer.BlockCopy(bytes, _at, result, 0, Remaining);
            return result;
        }

        public byte[] Bytes() => bytes.AsSpan(_at, Remaining).ToArray();

        public long[] Longs()
        {
            if (Remaining % 8 != 0)
            {
                throw new InvalidDataException("int64 raw_data length is not a multiple of 8.");
            }

            var result = new long[Remaining / 8];
            Buffer.BlockCopy(bytes, _at, result, 0, Remaining);
            return result;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    Varint();
                    break;
                case 1:
                    Need(8);
                    _at += 8;
                    break;
                case 2:
                    Sub();
                    break;
                case 5:
                    Need(4);
                    _at += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported wire type {wire}.");
            }
        }

        private int Remaining => end - _at;

        private void Need(int n)
        {
            if (end - _at < n)
            {
                throw new InvalidDataException("truncated fixed-width value.");
            }
        }
    }
}
