using System.Globalization;

namespace CommerceBrain.Inference.Tests.Models;

/// <summary>
/// One int64 input cast to every output element type ORT and <see cref="TensorOutput"/> support, with the same casts in
/// C# (two's-complement wrap for narrow integers, non-zero → true, decimal text) to compute expected values.
/// </summary>
internal static class TypedModels
{
    public static readonly (string Output, int DataType)[] Outputs =
    [
        ("float", OnnxModelWriter.DataType.Float),
        ("double", OnnxModelWriter.DataType.Double),
        ("float16", OnnxModelWriter.DataType.Float16),
        ("int64", OnnxModelWriter.DataType.Int64),
        ("int32", OnnxModelWriter.DataType.Int32),
        ("int16", OnnxModelWriter.DataType.Int16),
        ("int8", OnnxModelWriter.DataType.Int8),
        ("uint64", OnnxModelWriter.DataType.UInt64),
        ("uint32", OnnxModelWriter.DataType.UInt32),
        ("uint16", OnnxModelWriter.DataType.UInt16),
        ("uint8", OnnxModelWriter.DataType.UInt8),
        ("bool", OnnxModelWriter.DataType.Bool),
        ("string", OnnxModelWriter.DataType.String),
    ];

    /// <summary>x int64 <paramref name="dims"/> → one output per type, each <c>Cast(x, to=type)</c> with the same dims.</summary>
    public static byte[] CastToEveryType(params object[] dims)
    {
        var writer = new OnnxModelWriter().Input("x", OnnxModelWriter.DataType.Int64, dims);
        foreach (var (output, dataType) in Outputs)
            writer.Output(output, dataType, dims).Node("Cast", ["x"], [output], ("to", (long)dataType));
        return writer.Build();
    }

    /// <summary>Values from -1000 to 1000 in a position-dependent order, so a mis-sized copy shows up as wrong values.</summary>
    public static long[] Values(int count) => Enumerable.Range(0, count).Select(i => (long)(i * 7919L % 2001) - 1000).ToArray();

    /// <summary>What ORT's Cast gives for <paramref name="x"/> as the element type named <paramref name="output"/>.</summary>
    public static Array Expected(string output, long[] x) => output switch
    {
        "float" => Array.ConvertAll(x, v => (float)v),
        "double" => Array.ConvertAll(x, v => (double)v),
        "float16" => Array.ConvertAll(x, v => (Half)v),
        "int64" => x.ToArray(),
        "int32" => Array.ConvertAll(x, v => unchecked((int)v)),
        "int16" => Array.ConvertAll(x, v => unchecked((short)v)),
        "int8" => Array.ConvertAll(x, v => unchecked((sbyte)v)),
        "uint64" => Array.ConvertAll(x, v => unchecked((ulong)v)),
        "uint32" => Array.ConvertAll(x, v => unchecked((uint)v)),
        "uint16" => Array.ConvertAll(x, v => unchecked((ushort)v)),
        "uint8" => Array.ConvertAll(x, v => unchecked((byte)v)),
        "bool" => Array.ConvertAll(x, v => v != 0),
        "string" => Array.ConvertAll(x, v => v.ToString(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown output."),
    };

    /// <summary>Reads an output through the accessor for its type, as a caller would.</summary>
    public static Array Read(TensorOutput tensor) => tensor.Name switch
    {
        "float" => tensor.AsFloats(),
        "double" => tensor.AsDoubles(),
        "float16" => tensor.AsHalves(),
        "int64" => tensor.AsInt64(),
        "int32" => tensor.AsInt32(),
        "int16" => tensor.AsInt16(),
        "int8" => tensor.AsInt8(),
        "uint64" => tensor.AsUInt64(),
        "uint32" => tensor.AsUInt32(),
        "uint16" => tensor.AsUInt16(),
        "uint8" => tensor.AsUInt8(),
        "bool" => tensor.AsBooleans(),
        "string" => tensor.AsStrings(),
        _ => throw new ArgumentOutOfRangeException(nameof(tensor), tensor.Name, "Unknown output."),
    };
}
