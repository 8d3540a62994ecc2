using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using CommerceBrain.Inference.Tests.Models;

namespace CommerceBrain.Inference.Tests;

public sealed class ModelRegistryTests
{
    static readonly float[] X = [1f, 2f, 3f];

    static float FirstLogit(ModelLease lease) =>
        lease.Session.Run([TensorInput.Float("x", X, 1, 3)], ["logits"])[0].AsFloats()[0];

    [Fact]
    public void A_published_model_is_served_by_name_with_its_version_and_inputs()
    {
        using var registry = new ModelRegistry();

        var info = registry.Publish("intent", "v1", TestModels.LinearSoftmax());

        Assert.Equal("v1", info.Version);
        Assert.Equal("x", Assert.Single(info.Inputs).Name);
        using var lease = registry.Acquire("intent");
        Assert.Equal("v1", lease.Info.Version);
        Assert.Equal(2.35f, FirstLogit(lease), 1e-5f);
    }

    [Fact]
    public void An_unknown_model_is_a_clear_ModelNotFoundException()
    {
        using var registry = new ModelRegistry();
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());

        var error = Assert.Throws<ModelNotFoundException>(() => registry.Acquire("faq"));

        Assert.Equal("faq", error.Model);
        Assert.Contains("intent", error.Message);
    }

    [Fact]
    public void A_model_loads_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cb-registry-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TestModels.LinearSoftmax());
        try
        {
            using var registry = new ModelRegistry();
            registry.PublishFile("intent", "v1", path);
            using var lease = registry.Acquire("intent");
            Assert.Equal(2.35f, FirstLogit(lease), 1e-5f);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_new_version_is_rejected_and_the_current_version_keeps_serving()
    {
        using var registry = new ModelRegistry();
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());

        Assert.Throws<OnnxRuntimeException>(() => registry.Publish("intent", "v2", new byte[] { 1, 2, 3, 4, 5 }));
        Assert.Throws<OnnxRuntimeException>(() => registry.PublishFile("intent", "v3", "/nonexistent/model.onnx"));

        using var lease = registry.Acquire("intent");
        Assert.Equal("v1", lease.Info.Version);
    }

    [Fact]
    public void Publishing_a_new_version_keeps_the_old_session_alive_until_its_last_lease_ends()
    {
        using var registry = new ModelRegistry();
        var disposed = new List<string>();
        registry.VersionDisposed += info => { lock (disposed) disposed.Add(info.Version); };
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        var oldLease = registry.Acquire("intent");

        registry.Publish("intent", "v2", TestModels.LinearSoftmax(biasShift: 1f));

        // The in-flight holder still runs v1; new callers get v2.
        Assert.False(oldLease.Session.IsDisposed);
        Assert.Equal(2.35f, FirstLogit(oldLease), 1e-5f);
        using (var newLease = registry.Acquire("intent"))
        {
            Assert.Equal("v2", newLease.Info.Version);
            Assert.Equal(3.35f, FirstLogit(newLease), 1e-5f);
        }
        Assert.Empty(disposed);

        oldLease.Dispose();

        Assert.True(oldLease.Session.IsDisposed);
        Assert.Equal(["v1"], disposed);
    }

    [Fact]
    public void A_replaced_version_without_leases_is_disposed_at_once()
    {
        using var registry = new ModelRegistry();
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        OnnxSession v1;
        using (var lease = registry.Acquire("intent"))
            v1 = lease.Session;

        registry.Publish("intent", "v2", TestModels.LinearSoftmax());

        Assert.True(v1.IsDisposed);
    }

    [Fact]
    public void A_failing_VersionDisposed_handler_does_not_fail_the_request_that_released_the_version()
    {
        using var registry = new ModelRegistry();
        registry.VersionDisposed += _ => throw new InvalidOperationException("subscriber bug");
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        var lease = registry.Acquire("intent");
        registry.Publish("intent", "v2", TestModels.LinearSoftmax());

        lease.Dispose();

        Assert.True(lease.Session.IsDisposed);
    }

    [Fact]
    public void Disposing_a_lease_twice_releases_it_once()
    {
        using var registry = new ModelRegistry();
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        var first = registry.Acquire("intent");
        using var second = registry.Acquire("intent");

        first.Dispose();
        first.Dispose();

        Assert.False(second.Session.IsDisposed);
        Assert.Equal(2.35f, FirstLogit(second), 1e-5f);
    }

    [Fact]
    public void A_removed_model_is_unknown_and_its_session_is_disposed()
    {
        using var registry = new ModelRegistry();
        registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        OnnxSession v1;
        using (var lease = registry.Acquire("intent"))
            v1 = lease.Session;

        Assert.True(registry.Remove("intent"));

        Assert.True(v1.IsDisposed);
        Assert.Throws<ModelNotFoundException>(() => registry.Acquire("intent"));
        Assert.Empty(registry.Models);
    }

    [Fact]
    public async Task Hot_swaps_during_concurrent_runs_fail_no_request_and_dispose_every_old_version()
    {
        using var registry = new ModelRegistry();
        var disposed = new HashSet<string>();
        registry.VersionDisposed += info => { lock (disposed) disposed.Add(info.Version); };
        registry.Publish("intent", "v0", TestModels.LinearSoftmax(biasShift: 0f));
        const int Versions = 10;
        using var stop = new CancellationTokenSource();
        var runs = 0;

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = registry.Acquire("intent");
                var shift = int.Parse(lease.Info.Version[1..], System.Globalization.CultureInfo.InvariantCulture);
                // Each version shifts the bias by its number, so a result names the version that computed it.
                Assert.Equal(2.35f + shift, FirstLogit(lease), 1e-4f);
                Interlocked.Increment(ref runs);
            }
        })).ToArray();

        for (var v = 1; v <= Versions; v++)
        {
            var before = Volatile.Read(ref runs);
            registry.Publish("intent", $"v{v}", TestModels.LinearSoftmax(biasShift: v));
            // Let the workers make progress on each version before the next swap.
            await WaitUntil(() => Volatile.Read(ref runs) > before + 20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        using var final = registry.Acquire("intent");
        Assert.Equal($"v{Versions}", final.Info.Version);
        Assert.Equal(Enumerable.Range(0, Versions).Select(v => $"v{v}").ToHashSet(), disposed);
    }

    static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(1, timeout.Token);
    }
}
