using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests;

public sealed class SchedulingTests
{
    [Fact]
    public async Task A_non_reentrant_grain_never_interleaves_requests_across_awaits()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<ISerialGrain>("serial");

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            var seen = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                seen.Add(await grain.Work());
            }

            return seen;
        })));

        Assert.Equal(1, await grain.MaxConcurrency());
        Assert.Equal(Enumerable.Range(1, 320), results.SelectMany(r => r).Order());
    }

    [Fact]
    public async Task Awaits_inside_grain_code_resume_on_the_activation()
    {
        await using var cluster = await TestCluster.StartAsync();

        Assert.True(await cluster.Grains.GetGrain<ISerialGrain>("context").ResumesOnGrainContext());
    }

    [Fact]
    public async Task A_reentrant_grain_lets_a_second_request_run_while_the_first_awaits()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IPartnerGrain>("r");

        var first = grain.MeetPartner();
        var second = grain.MeetPartner();

        Assert.Equal(["first", "second"], await Task.WhenAll(first, second));
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_a_non_reentrant_request_awaits()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IInterleaveGrain>("i");

        var waiting = grain.WaitForRelease();
        await grain.Release();

        Assert.Equal("released", await waiting);
    }

    [Fact]
    public async Task A_suspended_always_interleave_request_does_not_block_normal_requests()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IInterleaveGrain>("poll");

        var poll = grain.LongPoll();
        var normal = await Task.WhenAll(grain.Normal(), grain.Normal());
        await grain.Release();

        Assert.Equal([1, 2], normal.Order());
        Assert.Equal("update", await poll);
    }

    [Fact]
    public async Task Read_only_requests_run_together_but_never_alongside_a_write()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IReadWriteGrain>("rw");

        // Two readers can only meet if they interleave.
        await Task.WhenAll(grain.MeetOtherReader(), grain.MeetOtherReader());

        var calls = Enumerable.Range(0, 200).Select(i => i % 5 == 0 ? grain.Write() : grain.Read()).ToArray();
        await Task.WhenAll(calls);

        var (maxReaders, overlap) = await grain.Report();
        Assert.True(maxReaders >= 2, $"readers never overlapped (max {maxReaders})");
        Assert.False(overlap, "a write overlapped a read");
    }

    [Fact]
    public async Task A_call_cycle_between_non_reentrant_grains_ends_in_a_timeout_naming_grain_and_method()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.CallTimeout = TimeSpan.FromSeconds(1));
        var a = cluster.Grains.GetGrain<ICycleGrain>("a");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => a.CallPartner("b"));

        // Which call in the cycle times out first depends on timer resolution; each one names its grain and method.
        Assert.Contains(error.GrainId, new[] { new GrainId("cycle", "a"), new GrainId("cycle", "b") });
        Assert.Contains(error.MethodName, new[] { "ICycleGrain.CallPartner", "ICycleGrain.CallBack", "ICycleGrain.Ping" });
        Assert.Contains(error.GrainId.ToString(), error.Message);
        Assert.Contains(error.MethodName, error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);

        // Once the cycle unwinds the grain serves calls again.
        Assert.Equal("pong", await a.Ping());
    }

    [Fact]
    public async Task A_request_that_timed_out_while_queued_never_runs()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.CallTimeout = TimeSpan.FromSeconds(1));
        var grain = cluster.Grains.GetGrain<ISerialGrain>("queued");

        var blocker = grain.Block("gate");
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("blocked:gate") == 1, "grain blocked");
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.Mark());
        Assert.Equal("ISerialGrain.Mark", error.MethodName);

        // The blocked call outlived the timeout too; its caller gave up, the grain finishes it once released.
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => blocker);
        cluster.Probe.Increment("gate");

        Assert.Equal(0, await grain.Marked());
    }

    [Fact]
    public async Task The_callers_async_locals_reach_the_grain_whether_the_call_runs_inline_or_queued()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<ISerialGrain>("ambient");
        Ambient.Value.Value = "trace-1";

        var inline = await grain.AmbientValue();
        var blocker = grain.Block("ambient-gate");
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("blocked:ambient-gate") == 1, "grain blocked");
        var queued = grain.AmbientValue();
        cluster.Probe.Increment("ambient-gate");
        await blocker;

        Assert.Equal("trace-1", inline);
        Assert.Equal("trace-1", await queued);
    }

    [Fact]
    public async Task Grain_exceptions_reach_the_caller_with_their_type_and_message()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IFaultyGrain>("f");

        var async = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAfterAwait("after await"));
        var sync = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailSynchronously("synchronous"));
        var valueTask = await Assert.ThrowsAsync<FormatException>(async () => await grain.FailValueTask("value task"));

        Assert.Equal("after await", async.Message);
        Assert.Equal("synchronous", sync.Message);
        Assert.Equal("value task", valueTask.Message);
        Assert.Equal(1, await grain.Healthy());
    }

    [Fact]
    public async Task One_grain_failing_does_not_affect_another()
    {
        await using var cluster = await TestCluster.StartAsync();
        var failing = cluster.Grains.GetGrain<IFaultyGrain>("bad");
        var healthy = cluster.Grains.GetGrain<IFaultyGrain>("good");

        var failures = Enumerable.Range(0, 20).Select(_ => failing.FailAfterAwait("boom")).ToArray();
        var successes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => healthy.Healthy()));

        foreach (var failure in failures)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => failure);
        }

        Assert.Equal(Enumerable.Range(1, 20), successes.Order());
    }

    [Fact]
    public async Task A_long_chain_of_synchronous_grain_calls_completes_without_exhausting_the_stack()
    {
        await using var cluster = await TestCluster.StartAsync();
        var head = cluster.Grains.GetGrain<IChainGrain>("c0");

        // Activate the chain first so the measured pass runs on the inline path.
        Assert.Equal(20_000, await head.Forward(20_000));
        Assert.Equal(20_000, await head.Forward(20_000));
    }

    [Fact]
    public async Task References_are_equal_by_grain_identity_and_expose_the_key()
    {
        await using var cluster = await TestCluster.StartAsync();

        var one = cluster.Grains.GetGrain<ISerialGrain>("k");
        var two = cluster.Grains.GetGrain<ISerialGrain>("k");

        Assert.Equal(one, two);
        Assert.Equal("k", one.GetPrimaryKeyString());
        Assert.Equal(new GrainId("serial", "k"), one.GetGrainId());
    }
}
