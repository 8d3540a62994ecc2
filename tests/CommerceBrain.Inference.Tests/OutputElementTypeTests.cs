using CommerceBrain.Inference.Tests.Models;

namespace CommerceBrain.Inference.Tests;

/// <summary>
/// Every output element type read back through a real graph, at sizes above 100,000 elements: a copy sized by the wrong
/// element width (the old binding copied 4 bytes per bool and crashed at 100,000) shows up as wrong values or a crash.
/// </summary>
public sealed class OutputElementTypeTests : IDisposable
{
    const int Count = 150_001;
    static readonly long[] X = TypedModels.Values(Count);
    readonly OnnxSession session = OnnxSession.FromBytes(TypedModels.CastToEveryType("n"));

    public static TheoryData<string> OutputNames() => new(TypedModels.Outputs.Select(o => o.Output));

    [Theory]
    [MemberData(nameof(OutputNames))]
    public void A_large_output_of_each_element_type_is_read_element_for_element(string output)
    {
        var tensor = Assert.Single(session.Run([TensorInput.Int64("x", X, Count)], [output]));

        Assert.Equal(output, tensor.Name);
        Assert.Equal([(long)Count], tensor.Shape);
        Assert.Equal(Count, tensor.Length);
        Assert.Equal(TypedModels.Expected(output, X), TypedModels.Read(tensor));
    }

    [Fact]
    public void All_thirteen_outputs_of_one_run_come_back_with_their_element_types()
    {
        var outputs = session.Run([TensorInput.Int64("x", X, Count)]);

        Assert.Equal(TypedModels.Outputs.Select(o => o.Output), outputs.Select(o => o.Name));
        foreach (var (tensor, (_, dataType)) in outputs.Zip(TypedModels.Outputs))
        {
            Assert.Equal((TensorElementType)dataType, tensor.ElementType);
            Assert.Equal(TypedModels.Expected(tensor.Name, X), TypedModels.Read(tensor));
        }
    }

    [Fact]
    public void A_signed_accessor_refuses_an_unsigned_output_of_the_same_width()
    {
        // The runtime would let a byte[] pass as sbyte[]; the accessor checks the element type instead.
        var uint8 = Assert.Single(session.Run([TensorInput.Int64("x", X, Count)], ["uint8"]));

        var error = Assert.Throws<InvalidOperationException>(() => uint8.AsInt8());

        Assert.Contains("UInt8", error.Message);
    }

    [Fact]
    public void Short_and_empty_string_outputs_are_read()
    {
        var strings = Assert.Single(session.Run([TensorInput.Int64("x", new long[] { -1, 0, 1_000 }, 3)], ["string"])).AsStrings();
        var empty = Assert.Single(session.Run([TensorInput.Int64("x", Array.Empty<long>(), 0)], ["string"]));

        Assert.Equal(["-1", "0", "1000"], strings);
        Assert.Equal(0, empty.Length);
        Assert.Equal([0L], empty.Shape);
    }

    public void Dispose() => session.Dispose();
}
