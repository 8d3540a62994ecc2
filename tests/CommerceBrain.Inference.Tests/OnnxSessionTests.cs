using CommerceBrain.Inference.Tests.Models;

namespace CommerceBrain.Inference.Tests;

public sealed class OnnxSessionTests
{
    const float Tolerance = 1e-5f;

    [Fact]
    public void Input_and_output_names_types_and_shapes_are_discovered_from_the_model()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());

        Assert.Equal(["x"], session.InputNames);
        Assert.Equal(["probs", "logits"], session.OutputNames);
        Assert.Equal(TensorElementType.Float, session.Inputs[0].ElementType);
        Assert.Equal([-1L, 3L], session.Inputs[0].Dimensions);
        Assert.Equal([-1L, 2L], session.Outputs[0].Dimensions);
    }

    [Fact]
    public void The_runtime_is_the_one_from_the_Microsoft_ML_OnnxRuntime_1_31_1_package()
    {
        Assert.Equal("1.31.1", OnnxSession.RuntimeVersion);
    }

    [Fact]
    public void A_float_model_gives_the_hand_computed_softmax()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        float[] x = [1f, 2f, 3f];

        var outputs = session.Run([TensorInput.Float("x", x, 1, 3)]);

        // logits = [1*0.5 + 2*2 + 3*-0.75 + 0.1, 1*-1 + 2*0.25 + 3*1.5 - 0.2] = [2.35, 3.8]
        Assert.Equal([1L, 2L], outputs[0].Shape);
        var logits = outputs[1].AsFloats();
        Assert.Equal(2.35f, logits[0], Tolerance);
        Assert.Equal(3.8f, logits[1], Tolerance);
        var probs = outputs[0].AsFloats();
        var expected0 = (float)(1 / (1 + Math.Exp(3.8 - 2.35)));
        Assert.Equal(expected0, probs[0], Tolerance);
        Assert.Equal(1 - expected0, probs[1], Tolerance);
    }

    [Fact]
    public void Selected_outputs_come_back_in_the_requested_order()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());

        var outputs = session.Run([TensorInput.Float("x", new float[] { 0f, 0f, 0f }, 1, 3)], ["logits"]);

        var only = Assert.Single(outputs);
        Assert.Equal("logits", only.Name);
        Assert.Equal(TestModels.B, only.AsFloats());
    }

    [Fact]
    public void A_batch_of_rows_matches_the_hand_computed_rows()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        float[] x = [1f, 2f, 3f, -0.5f, 0.25f, 4f, 0f, 0f, 1f];

        var probs = session.Run([TensorInput.Float("x", x, 3, 3)])[0];

        Assert.Equal([3L, 2L], probs.Shape);
        for (var row = 0; row < 3; row++)
        {
            var expected = TestModels.LinearSoftmaxByHand(x[(row * 3)..(row * 3 + 3)]).Probs;
            Assert.Equal(expected[0], probs.AsFloats()[row * 2], Tolerance);
            Assert.Equal(expected[1], probs.AsFloats()[row * 2 + 1], Tolerance);
        }
    }

    [Fact]
    public void Int64_ids_through_gather_and_reduce_give_the_embedding_bag_mean()
    {
        using var session = OnnxSession.FromBytes(TestModels.EmbeddingBagMean());
        // Two rows padded to length 3: [1, 2, 3] and [4, 0(pad), 0(pad)] with true lengths 3 and 1.
        long[] ids = [1, 2, 3, 4, 0, 0];
        float[] lengths = [3f, 1f];

        var mean = session.Run([TensorInput.Int64("ids", ids, 2, 3), TensorInput.Float("lengths", lengths, 2, 1)])[0];

        Assert.Equal([2L, 3L], mean.Shape);
        var values = mean.AsFloats();
        // Row 0: ([1,2,3] + [-1,0.5,4] + [2,-2,0.25]) / 3 = [2/3, 0.5/3, 7.25/3]
        Assert.Equal(2f / 3, values[0], Tolerance);
        Assert.Equal(0.5f / 3, values[1], Tolerance);
        Assert.Equal(7.25f / 3, values[2], Tolerance);
        Assert.Equal([10f, 20f, -30f], values[3..6]);
    }

    [Fact]
    public void Int32_inputs_and_outputs_round_trip()
    {
        using var session = OnnxSession.FromBytes(TestModels.Int32AddOne());

        var y = session.Run([TensorInput.Int32("x", new[] { 1, -5, 41 }, 3)])[0];

        Assert.Equal(TensorElementType.Int32, y.ElementType);
        Assert.Equal([2, -4, 42], y.AsInt32());
        Assert.Throws<InvalidOperationException>(() => y.AsFloats());
    }

    [Fact]
    public void An_input_over_a_slice_of_a_larger_buffer_reads_exactly_that_slice()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        float[] buffer = [99f, 99f, 1f, 2f, 3f, 99f];

        var logits = session.Run([TensorInput.Float("x", buffer.AsMemory(2, 3), 1, 3)], ["logits"])[0].AsFloats();

        Assert.Equal(TestModels.LinearSoftmaxByHand([1f, 2f, 3f]).Logits, logits, new FloatComparer(Tolerance));
    }

    [Fact]
    public void An_empty_batch_runs_and_gives_empty_outputs()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());

        var probs = session.Run([TensorInput.Float("x", ReadOnlyMemory<float>.Empty, 0, 3)])[0];

        Assert.Equal([0L, 2L], probs.Shape);
        Assert.Empty(probs.AsFloats());
    }

    [Fact]
    public void Inputs_are_handed_to_ORT_without_a_managed_copy()
    {
        // A 4 MB input reduced to one number: a copy of the input would allocate at least 4 MB on this thread.
        using var session = OnnxSession.FromBytes(TestModels.SumOfAll());
        var x = Enumerable.Range(0, 1 << 20).Select(i => (float)(i % 7)).ToArray();
        var input = TensorInput.Float("x", x, x.Length);
        session.Run([input]); // warm-up: JIT and ORT's first-run allocations

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = session.Run([input])[0].AsFloats();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var expected = x.Sum(v => (double)v);
        Assert.InRange(sum[0], expected * 0.999, expected * 1.001);
        Assert.True(allocated < 64 * 1024, $"Run allocated {allocated} managed bytes for a {x.Length * sizeof(float)}-byte input.");
    }

    [Fact]
    public void A_model_loads_from_a_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cb-inference-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TestModels.LinearSoftmax());
        try
        {
            using var session = OnnxSession.FromFile(path);
            var probs = session.Run([TensorInput.Float("x", new float[] { 1f, 2f, 3f }, 1, 3)])[0].AsFloats();
            Assert.Equal(TestModels.LinearSoftmaxByHand([1f, 2f, 3f]).Probs[0], probs[0], Tolerance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_model_file_is_an_OnnxRuntimeException_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cb-missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromFile(path));

        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Corrupt_model_bytes_are_an_OnnxRuntimeException_not_a_crash()
    {
        var bytes = TestModels.LinearSoftmax();
        var corrupt = bytes[..(bytes.Length / 2)];

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes(corrupt));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.OrtMessage));
    }

    [Fact]
    public void Random_bytes_are_rejected_as_a_model()
    {
        var noise = new byte[512];
        new Random(7).NextBytes(noise);

        Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes(noise));
    }

    [Fact]
    public void Empty_model_bytes_are_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => OnnxSession.FromBytes([]));
    }

    [Fact]
    public void A_wrong_input_shape_is_an_OnnxRuntimeException_with_ORTs_message()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());

        var error = Assert.Throws<OnnxRuntimeException>(
            () => session.Run([TensorInput.Float("x", new float[] { 1f, 2f, 3f, 4f }, 1, 4)]));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("x", error.OrtMessage);
        // The session stays usable after a rejected run.
        Assert.Equal(2, session.Run([TensorInput.Float("x", new float[] { 1f, 2f, 3f }, 1, 3)])[0].Length);
    }

    [Fact]
    public void A_wrong_element_type_is_an_OnnxRuntimeException()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());

        var error = Assert.Throws<OnnxRuntimeException>(
            () => session.Run([TensorInput.Int64("x", new long[] { 1, 2, 3 }, 1, 3)]));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
    }

    [Fact]
    public void Unknown_input_and_output_names_are_argument_errors_listing_the_real_names()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        var x = TensorInput.Float("x", new float[] { 1f, 2f, 3f }, 1, 3);

        var badInput = Assert.Throws<ArgumentException>(() => session.Run([TensorInput.Float("y", new float[3], 1, 3)]));
        var badOutput = Assert.Throws<ArgumentException>(() => session.Run([x], ["nope"]));

        Assert.Contains("x", badInput.Message);
        Assert.Contains("probs", badOutput.Message);
    }

    [Fact]
    public void A_shape_that_does_not_match_the_data_length_is_rejected_before_reaching_ORT()
    {
        Assert.Throws<ArgumentException>(() => TensorInput.Float("x", new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => TensorInput.Int64("x", new long[2], -1, -2));
    }

    [Fact]
    public void Many_threads_can_run_one_session_at_once_with_correct_results()
    {
        using var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        const int Threads = 8;
        const int RunsPerThread = 200;

        var failures = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (var i = 0; i < RunsPerThread; i++)
            {
                float[] x = [t, i * 0.01f, -t * 0.5f];
                var probs = session.Run([TensorInput.Float("x", x, 1, 3)])[0].AsFloats();
                var expected = TestModels.LinearSoftmaxByHand(x).Probs;
                if (Math.Abs(probs[0] - expected[0]) > Tolerance || Math.Abs(probs[1] - expected[1]) > Tolerance)
                    Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Disposing_a_session_while_threads_run_it_ends_each_run_cleanly()
    {
        var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        using var started = new CountdownEvent(4);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Dedicated threads: blocking loops on pool threads would starve the pool under a parallel test run.
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            started.Signal();
            while (true)
            {
                try
                {
                    var probs = session.Run([TensorInput.Float("x", new float[] { 1f, 2f, 3f }, 1, 3)])[0].AsFloats();
                    outcomes.Add(Math.Abs(probs[0] + probs[1] - 1f) < 1e-5f ? "ok" : "wrong");
                }
                catch (ObjectDisposedException)
                {
                    outcomes.Add("disposed");
                    return;
                }
            }
        })).ToArray();
        foreach (var thread in threads)
            thread.Start();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        session.Dispose();
        foreach (var thread in threads)
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal(4, outcomes.Count(o => o == "disposed"));
        Assert.DoesNotContain("wrong", outcomes);
    }

    [Fact]
    public void Running_a_disposed_session_throws_ObjectDisposedException()
    {
        var session = OnnxSession.FromBytes(TestModels.LinearSoftmax());
        session.Dispose();

        Assert.True(session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => session.Run([TensorInput.Float("x", new float[3], 1, 3)]));
    }
}
