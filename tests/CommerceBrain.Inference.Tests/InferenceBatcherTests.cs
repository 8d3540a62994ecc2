using CommerceBrain.Inference.Batching;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Tests.Models;
using Microsoft.Extensions.Time.Testing;
using static CommerceBrain.Inference.Tests.BatchingTestKit;

namespace CommerceBrain.Inference.Tests;

public sealed class InferenceBatcherTests
{
    const float Tolerance = 1e-5f;

    [Fact]
    public async Task Batched_results_equal_one_by_one_results()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var options = new InferenceOptions { MaxBatchSize = 16, MaxBatchWait = TimeSpan.FromMilliseconds(2), RunnersPerModel = 2 };
        await using var batcher = new InferenceBatcher(registry, "intent", options);
        var random = new Random(42);
        var rows = Enumerable.Range(0, 200).Select(_ => RandomRow(random, 3)).ToArray();

        var results = await WithinTimeout(Task.WhenAll(rows.Select(row => Task.Run(() => batcher.InferAsync(LinearRequest(row))))));

        using var lease = registry.Acquire("intent");
        for (var i = 0; i < rows.Length; i++)
        {
            var alone = lease.Session.Run([TensorInput.Float("x", rows[i], 1, 3)]);
            Assert.Equal([2L], results[i]["probs"].Shape);
            for (var o = 0; o < alone.Count; o++)
            {
                var expected = alone[o].AsFloats();
                var actual = results[i].Floats(alone[o].Name);
                for (var c = 0; c < expected.Length; c++)
                    Assert.Equal(expected[c], actual[c], Tolerance);
            }
            Assert.Equal(TestModels.LinearSoftmaxByHand(rows[i]).Probs[1], results[i].Floats("probs")[1], Tolerance);
        }
    }

    [Fact]
    public async Task Requests_are_combined_into_batches_of_at_most_the_maximum_size()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "intent", maxBatch: 4, sizes);
        var random = new Random(1);
        var rows = Enumerable.Range(0, 8).Select(_ => RandomRow(random, 3)).ToArray();

        var results = await WithinTimeout(Task.WhenAll(rows.Select(row => batcher.InferAsync(LinearRequest(row)))));

        Assert.Equal([4, 4], sizes);
        for (var i = 0; i < rows.Length; i++)
            Assert.Equal(TestModels.LinearSoftmaxByHand(rows[i]).Logits, results[i].Floats("logits"), new FloatComparer(Tolerance));
    }

    [Fact]
    public async Task A_partial_batch_runs_when_the_wait_expires()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var clock = new FakeTimeProvider();
        var sizes = new List<int>();
        var options = new InferenceOptions { MaxBatchSize = 16, MaxBatchWait = TimeSpan.FromMilliseconds(5), RunnersPerModel = 1 };
        await using var batcher = new InferenceBatcher(registry, "intent", options, clock, logger: null, start: true);
        batcher.BatchRan += size => { lock (sizes) sizes.Add(size); };

        var pending = Enumerable.Range(0, 3).Select(i => batcher.InferAsync(LinearRequest([i, 0f, 1f]))).ToArray();
        var all = Task.WhenAll(pending);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!all.IsCompleted)
        {
            // Fake time moves only here; the batch cannot run before its wait has passed on this clock.
            clock.Advance(TimeSpan.FromMilliseconds(5));
            await Task.WhenAny(all, Task.Delay(10, timeout.Token));
        }

        var results = await all;
        Assert.Equal(3, sizes.Sum());
        Assert.Equal(TestModels.LinearSoftmaxByHand([2f, 0f, 1f]).Probs, results[2].Floats("probs"), new FloatComparer(Tolerance));
    }

    [Fact]
    public async Task With_no_wait_each_request_runs_as_soon_as_a_runner_is_free()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var options = new InferenceOptions { MaxBatchSize = 8, MaxBatchWait = TimeSpan.Zero, RunnersPerModel = 1 };
        await using var batcher = new InferenceBatcher(registry, "intent", options);

        var result = await WithinTimeout(batcher.InferAsync(LinearRequest([1f, 2f, 3f])));

        Assert.Equal("intent", result.Model);
        Assert.Equal("v1", result.ModelVersion);
        Assert.Equal(2.35f, result.Floats("logits")[0], Tolerance);
    }

    [Fact]
    public async Task Variable_length_token_ids_are_padded_in_one_batch_and_give_each_rows_mean()
    {
        using var registry = RegistryWith("encoder", TestModels.EmbeddingBagMean());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "encoder", maxBatch: 6, sizes);
        long[][] sequences = [[1], [2, 3], [4, 4, 4, 1], [3, 2, 1], [1, 1, 1, 1, 1, 2], [4, 3]];

        var results = await WithinTimeout(Task.WhenAll(sequences.Select(ids => batcher.InferAsync(InferenceRequest.ForTokenIds(ids)))));

        Assert.Equal([6], sizes);
        for (var i = 0; i < sequences.Length; i++)
        {
            Assert.Equal([3L], results[i]["mean"].Shape);
            Assert.Equal(TestModels.EmbeddingBagMeanByHand(sequences[i]), results[i].Floats("mean"), new FloatComparer(Tolerance));
        }
    }

    [Fact]
    public async Task Weighted_token_ids_of_any_length_including_none_batch_to_the_hand_computed_bags()
    {
        using var registry = RegistryWith("nlu", TestModels.WeightedBag());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "nlu", maxBatch: 4, sizes);
        (long[] Ids, float[] Weights)[] examples =
        [
            ([1, 4], [0.5f, 0.25f]),
            ([], []),
            ([3, 2, 1, 4, 2], [1f, -1f, 2f, 0.1f, 0.3f]),
            ([2], [1.5f]),
        ];

        var results = await WithinTimeout(Task.WhenAll(
            examples.Select(e => batcher.InferAsync(InferenceRequest.ForWeightedTokenIds(e.Ids, e.Weights)))));

        Assert.Equal([4], sizes);
        using var lease = registry.Acquire("nlu");
        for (var i = 0; i < examples.Length; i++)
        {
            var (ids, weights) = examples[i];
            Assert.Equal(TestModels.WeightedBagByHand(ids, weights), results[i].Floats("bag"), new FloatComparer(Tolerance));
            // One by one, unpadded (an empty example as a single padding slot), gives the same bag.
            long[] aloneIds = ids.Length == 0 ? [0] : ids;
            float[] aloneWeights = weights.Length == 0 ? [0f] : weights;
            var alone = lease.Session.Run(
                [TensorInput.Int64("ids", aloneIds, 1, aloneIds.Length), TensorInput.Float("weights", aloneWeights, 1, aloneWeights.Length)]);
            Assert.Equal(alone[0].AsFloats(), results[i].Floats("bag"), new FloatComparer(Tolerance));
        }
    }

    [Fact]
    public void Weighted_token_ids_need_one_weight_per_id()
    {
        Assert.Throws<ArgumentException>(() => InferenceRequest.ForWeightedTokenIds([1, 2], [1f]));
    }

    [Fact]
    public async Task A_request_that_fails_in_ORT_fails_alone_and_its_batch_neighbours_succeed()
    {
        using var registry = RegistryWith("encoder", TestModels.EmbeddingBagMean());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "encoder", maxBatch: 4, sizes);

        var good1 = batcher.InferAsync(InferenceRequest.ForTokenIds([1, 2]));
        var bad = batcher.InferAsync(InferenceRequest.ForTokenIds([1, 99])); // id 99 is outside the embedding table
        var good2 = batcher.InferAsync(InferenceRequest.ForTokenIds([3]));
        var good3 = batcher.InferAsync(InferenceRequest.ForTokenIds([4, 4]));

        var error = await Assert.ThrowsAsync<OnnxRuntimeException>(() => WithinTimeout(bad));
        Assert.False(string.IsNullOrEmpty(error.OrtMessage));
        Assert.Equal(TestModels.EmbeddingBagMeanByHand([1, 2]), (await good1).Floats("mean"), new FloatComparer(Tolerance));
        Assert.Equal(TestModels.EmbeddingBagMeanByHand([3]), (await good2).Floats("mean"), new FloatComparer(Tolerance));
        Assert.Equal(TestModels.EmbeddingBagMeanByHand([4, 4]), (await good3).Floats("mean"), new FloatComparer(Tolerance));
    }

    [Fact]
    public async Task A_request_that_does_not_fit_the_model_fails_alone_with_an_argument_error()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "intent", maxBatch: 5, sizes);

        var good = batcher.InferAsync(LinearRequest([1f, 2f, 3f]));
        var wrongShape = batcher.InferAsync(LinearRequest([1f, 2f]));
        var wrongType = batcher.InferAsync(InferenceRequest.Of(InputRow.Int64("x", [1, 2, 3])));
        var wrongName = batcher.InferAsync(InferenceRequest.Of(InputRow.Float("y", [1f, 2f, 3f])));
        var extraInput = batcher.InferAsync(InferenceRequest.Of(InputRow.Float("x", [1f, 2f, 3f]), InputRow.Float("z", [1f])));

        Assert.Contains("shape", (await Assert.ThrowsAsync<ArgumentException>(() => WithinTimeout(wrongShape))).Message);
        Assert.Contains("Int64", (await Assert.ThrowsAsync<ArgumentException>(() => WithinTimeout(wrongType))).Message);
        Assert.Contains("lacks input 'x'", (await Assert.ThrowsAsync<ArgumentException>(() => WithinTimeout(wrongName))).Message);
        Assert.Contains("z", (await Assert.ThrowsAsync<ArgumentException>(() => WithinTimeout(extraInput))).Message);
        Assert.Equal(2.35f, (await WithinTimeout(good)).Floats("logits")[0], Tolerance);
    }

    [Fact]
    public async Task A_model_with_a_fixed_batch_of_one_is_run_one_request_at_a_time()
    {
        using var registry = RegistryWith("single", FixedBatchModels.BatchOfOneLinear());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "single", maxBatch: 3, sizes);

        var results = await WithinTimeout(Task.WhenAll(
            Enumerable.Range(0, 3).Select(i => batcher.InferAsync(LinearRequest([i, 1f, 0f])))));

        Assert.Equal([1, 1, 1], sizes);
        for (var i = 0; i < 3; i++)
            Assert.Equal(TestModels.LinearSoftmaxByHand([i, 1f, 0f]).Logits, results[i].Floats("logits"), new FloatComparer(Tolerance));
    }

    [Fact]
    public async Task Outputs_of_every_element_type_are_split_per_request()
    {
        using var registry = RegistryWith("typed", TypedModels.CastToEveryType("batch", 3L));
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "typed", maxBatch: 4, sizes);
        var rows = Enumerable.Range(0, 8).Select(i => TypedModels.Values(3 * (i + 1))[^3..]).ToArray();

        var results = await WithinTimeout(Task.WhenAll(rows.Select(row => batcher.InferAsync(InferenceRequest.Of(InputRow.Int64("x", row))))));

        Assert.Equal([4, 4], sizes);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(TypedModels.Outputs.Select(o => o.Output), results[i].Outputs.Select(o => o.Name));
            foreach (var output in results[i].Outputs)
            {
                Assert.Equal([3L], output.Shape);
                Assert.Equal(TypedModels.Expected(output.Name, rows[i]), output.Data);
            }
        }
        Assert.Equal(rows[5].Select(v => v != 0), results[5]["bool"].AsBooleans());
        Assert.Equal(rows[6].Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), results[6]["string"].AsStrings());
    }

    [Fact]
    public async Task Only_the_requested_outputs_are_returned()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        await using var batcher = new InferenceBatcher(registry, "intent", new InferenceOptions());

        var result = await WithinTimeout(batcher.InferAsync(new InferenceRequest([InputRow.Float("x", [1f, 2f, 3f])], ["logits"])));

        Assert.Equal("logits", Assert.Single(result.Outputs).Name);
        Assert.Throws<KeyNotFoundException>(() => result["probs"]);
    }

    [Fact]
    public async Task A_full_queue_makes_callers_wait_and_a_waiting_caller_can_cancel()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var options = new InferenceOptions { QueueCapacity = 2, MaxBatchSize = 8, MaxBatchWait = TimeSpan.Zero, RunnersPerModel = 1 };
        await using var batcher = new InferenceBatcher(registry, "intent", options, time: null, logger: null, start: false);
        using var giveUp = new CancellationTokenSource();

        var first = batcher.InferAsync(LinearRequest([1f, 2f, 3f]));
        var second = batcher.InferAsync(LinearRequest([1f, 2f, 3f]));
        var third = batcher.InferAsync(LinearRequest([1f, 2f, 3f]), giveUp.Token);

        Assert.False(third.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(third));

        batcher.Start();
        Assert.Equal(2.35f, (await WithinTimeout(first)).Floats("logits")[0], Tolerance);
        Assert.Equal(2.35f, (await WithinTimeout(second)).Floats("logits")[0], Tolerance);
    }

    [Fact]
    public async Task A_request_cancelled_while_queued_is_skipped_and_the_others_run()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var sizes = new List<int>();
        await using var batcher = FullBatchesOnly(registry, "intent", maxBatch: 2, sizes, start: false);
        using var giveUp = new CancellationTokenSource();

        var cancelled = batcher.InferAsync(LinearRequest([1f, 2f, 3f]), giveUp.Token);
        var a = batcher.InferAsync(LinearRequest([0f, 0f, 0f]));
        var b = batcher.InferAsync(LinearRequest([0f, 0f, 1f]));
        await giveUp.CancelAsync();
        batcher.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(cancelled));
        Assert.Equal(TestModels.B, (await WithinTimeout(a)).Floats("logits"));
        await WithinTimeout(b);
        Assert.Equal([2], sizes);
    }

    [Fact]
    public async Task Requests_for_a_model_that_is_not_published_fail_with_ModelNotFoundException()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        await using var batcher = new InferenceBatcher(registry, "faq", new InferenceOptions());

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => WithinTimeout(batcher.InferAsync(LinearRequest([1f, 2f, 3f]))));

        Assert.Equal("faq", error.Model);
    }

    [Fact]
    public async Task Disposing_runs_every_queued_request_and_refuses_new_ones()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        var batcher = new InferenceBatcher(registry, "intent", new InferenceOptions { RunnersPerModel = 1 }, time: null, logger: null, start: false);
        var queued = Enumerable.Range(0, 10).Select(i => batcher.InferAsync(LinearRequest([i, 0f, 0f]))).ToArray();
        batcher.Start();

        await WithinTimeout(batcher.DisposeAsync().AsTask());

        Assert.All(queued, task => Assert.True(task.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.InferAsync(LinearRequest([1f, 2f, 3f])));
    }

    [Fact]
    public void Options_out_of_range_are_rejected_with_the_setting_named()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new InferenceBatcher(registry, "intent", new InferenceOptions { MaxBatchSize = 0 }));

        Assert.Contains("MaxBatchSize", error.Message);
    }

    [Fact]
    public void Empty_token_sequences_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => InferenceRequest.ForTokenIds([]));
    }
}

internal sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
