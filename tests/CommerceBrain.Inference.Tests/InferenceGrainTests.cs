using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Tests.Models;
using static CommerceBrain.Inference.Tests.BatchingTestKit;

namespace CommerceBrain.Inference.Tests;

public sealed class InferenceGrainTests(InferenceClusterFixture cluster) : IClassFixture<InferenceClusterFixture>
{
    [Fact]
    public async Task Concurrent_grain_calls_for_one_model_share_one_batch_and_each_gets_its_own_result()
    {
        var grain = cluster.Grains.GetGrain<IInferenceGrain>("intent");
        float[][] rows = [[1f, 2f, 3f], [0f, 0f, 0f], [-1f, 0.5f, 2f], [3f, -2f, 0f]];

        var results = await WithinTimeout(Task.WhenAll(rows.Select(row => grain.Infer(LinearRequest(row)))));

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal("intent", results[i].Model);
            Assert.Equal("v1", results[i].ModelVersion);
            Assert.Equal(TestModels.LinearSoftmaxByHand(rows[i]).Logits, results[i].Floats("logits"), new FloatComparer(1e-5f));
        }
    }

    [Fact]
    public async Task Outputs_of_every_element_type_cross_the_grain_call_intact()
    {
        // The client talks to the silo over its transport, so requests and results are serialized both ways.
        var grain = cluster.Grains.GetGrain<IInferenceGrain>("typed");
        var rows = Enumerable.Range(0, InferenceClusterFixture.BatchSize).Select(i => TypedModels.Values(3 * (i + 2))[^3..]).ToArray();

        var results = await WithinTimeout(Task.WhenAll(rows.Select(row => grain.Infer(InferenceRequest.Of(InputRow.Int64("x", row))))));

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(TypedModels.Outputs.Select(o => o.Output), results[i].Outputs.Select(o => o.Name));
            foreach (var output in results[i].Outputs)
            {
                Assert.Equal((TensorElementType)TypedModels.Outputs.Single(o => o.Output == output.Name).DataType, output.ElementType);
                Assert.Equal([3L], output.Shape);
                Assert.Equal(TypedModels.Expected(output.Name, rows[i]), output.Data);
            }
        }
    }

    [Fact]
    public async Task A_grain_for_an_unknown_model_fails_the_call_with_ModelNotFoundException_naming_it()
    {
        var grain = cluster.Grains.GetGrain<IInferenceGrain>("nope");

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => WithinTimeout(grain.Infer(LinearRequest([1f, 2f, 3f]))));

        Assert.Contains("'nope'", error.Message);
        Assert.Contains("intent", error.Message);
    }

    [Fact]
    public async Task A_request_that_does_not_fit_the_model_fails_alone_with_an_argument_error_naming_the_input()
    {
        var grain = cluster.Grains.GetGrain<IInferenceGrain>("intent");
        var bad = grain.Infer(InferenceRequest.Of(InputRow.Int64("x", [1, 2, 3])));
        var good = new[] { 1f, 2f, 3f }.Select(v => grain.Infer(LinearRequest([v, v, v]))).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => WithinTimeout(bad));
        var results = await WithinTimeout(Task.WhenAll(good));

        Assert.Contains("'x'", error.Message);
        Assert.All(results, r => Assert.Equal(2, r.Floats("probs").Length));
    }

    [Fact]
    public async Task An_ORT_error_reaches_the_grain_caller_with_ORTs_code_and_message()
    {
        long[] outOfRange = [1, 99];
        OnnxRuntimeException local;
        using (var session = OnnxSession.FromBytes(TestModels.EmbeddingBagMean()))
            local = Assert.Throws<OnnxRuntimeException>(() => session.Run(
                [TensorInput.Int64("ids", outOfRange, 1, 2), TensorInput.Float("lengths", new float[] { 2f }, 1, 1)]));
        var grain = cluster.Grains.GetGrain<IInferenceGrain>("bag");

        var bad = grain.Infer(InferenceRequest.ForTokenIds(outOfRange));
        var good = Enumerable.Range(1, 3).Select(id => grain.Infer(InferenceRequest.ForTokenIds([id]))).ToArray();
        var error = await Assert.ThrowsAsync<OnnxRuntimeException>(() => WithinTimeout(bad));
        var results = await WithinTimeout(Task.WhenAll(good));

        Assert.Equal(local.ErrorCode, error.ErrorCode);
        Assert.Equal(local.OrtMessage, error.OrtMessage);
        Assert.Equal(TestModels.EmbeddingBagMeanByHand([2]), results[1].Floats("mean"));
    }
}
