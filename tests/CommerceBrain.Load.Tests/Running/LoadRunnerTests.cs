using System.Collections.Concurrent;
using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Tests.Running;

public sealed class LoadRunnerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static LoadRunner Runner(RunLimits? limits = null) => new(limits ?? RunLimits.Default, seed: 7, TextWriter.Null);

    [Fact]
    public async Task Max_iterations_bounds_an_open_model_scenario_and_ends_it_early()
    {
        var calls = 0;
        var scenario = Scenario.Create("bounded", _ =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.Inject(1000, Second, TimeSpan.FromMinutes(10)))
            .WithoutWarmUp()
            .WithMaxIterations(25);

        var result = await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var s = Assert.Single(result.Scenarios);
        Assert.Equal(25, calls);
        Assert.Equal(25, s.Iterations.Ok);
        Assert.Equal(0, s.Iterations.Failed);
        Assert.False(result.Interrupted);
    }

    [Fact]
    public async Task Closed_model_copies_each_loop_with_their_own_copy_number_until_the_bound()
    {
        var copies = new ConcurrentDictionary<int, int>();
        var scenario = Scenario.Create("closed", context =>
            {
                copies.AddOrUpdate(context.ScenarioCopyNumber, 1, (_, n) => n + 1);
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.KeepConstant(3, TimeSpan.FromMinutes(10)))
            .WithoutWarmUp()
            .WithMaxIterations(300);

        var result = await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(300, result.Scenarios[0].Iterations.Ok);
        Assert.Equal(300, copies.Values.Sum());
        Assert.All(copies.Keys, copy => Assert.InRange(copy, 0, 2));
    }

    [Fact]
    public async Task Init_data_reaches_the_iterations_and_clean_runs_after_the_load()
    {
        var cleaned = false;
        var scenario = Scenario.Create("data", context => Task.FromResult(
                context.Data["token"] is "abc" ? Response.Ok() : Response.Fail("no_token", "init data missing")))
            .WithInit(init =>
            {
                init.Data["token"] = "abc";
                return Task.CompletedTask;
            })
            .WithClean(_ =>
            {
                cleaned = true;
                return Task.CompletedTask;
            })
            .WithLoadSimulations(Simulation.Burst(10, TimeSpan.FromMilliseconds(1)))
            .WithoutWarmUp();

        var result = await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(10, result.Scenarios[0].Iterations.Ok);
        Assert.True(cleaned);
    }

    [Fact]
    public async Task A_failing_init_stops_the_run_with_a_one_line_reason()
    {
        var scenario = Scenario.Create("broken", _ => Task.FromResult(Response.Ok()))
            .WithInit(_ => throw new InvalidOperationException("campaign API answered 503"))
            .WithLoadSimulations(Simulation.Burst(1, Second));

        var ex = await Assert.ThrowsAsync<LoadRunException>(() => Runner().RunAsync([scenario], CancellationToken.None));
        Assert.Equal("scenario 'broken' init failed: campaign API answered 503", ex.Message);
    }

    [Fact]
    public async Task Steps_are_recorded_by_name_and_an_exception_in_a_step_becomes_a_failed_response()
    {
        var scenario = Scenario.Create("steps", async context =>
            {
                var first = await Step.Run("login", context, () => Task.FromResult(Response.Ok(statusCode: "200", sizeBytes: 10)));
                if (first.IsError)
                {
                    return first;
                }

                return await Step.Run("claim", context, () => context.InvocationNumber % 2 == 0
                    ? throw new InvalidOperationException("boom")
                    : Task.FromResult(Response.Ok()));
            })
            .WithLoadSimulations(Simulation.Burst(10, TimeSpan.FromMilliseconds(1)))
            .WithoutWarmUp();

        var result = await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var s = result.Scenarios[0];
        Assert.Equal(["login", "claim"], s.Steps.Select(x => x.Name));
        Assert.Equal((10L, 0L, 100L), (s.Steps[0].Ok, s.Steps[0].Failed, s.Steps[0].Bytes));
        Assert.Equal((5L, 5L), (s.Steps[1].Ok, s.Steps[1].Failed));
        Assert.Equal((new ErrorKey("InvalidOperationException", "boom"), 5L), Assert.Single(s.Steps[1].Errors));
        Assert.Equal((5L, 5L), (s.Iterations.Ok, s.Iterations.Failed));
        Assert.Equal(10, s.Steps[1].Latency.TotalCount);
    }

    [Fact]
    public async Task Iterations_beyond_the_in_flight_cap_are_dropped_and_counted_as_driver_overload()
    {
        // Bodies never finish on their own: the first two fill the cap, the other eight of the burst are dropped, and
        // the two are cancelled when the drain times out (cut-off iterations are not outcomes of the target).
        var scenario = Scenario.Create("stuck", async context =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.Burst(10, TimeSpan.FromMilliseconds(1)))
            .WithoutWarmUp();
        var limits = RunLimits.Default with { MaxInFlight = 2, DrainTimeout = TimeSpan.FromMilliseconds(50) };

        var result = await Runner(limits).RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var it = result.Scenarios[0].Iterations;
        Assert.Equal(0, it.Ok);
        Assert.Equal(8, it.Failed);
        Assert.Equal((new ErrorKey(Failures.DroppedStatus, Failures.DroppedMessage), 8L), Assert.Single(it.Errors));
    }

    [Fact]
    public async Task Warm_up_iterations_run_but_are_not_in_the_statistics()
    {
        var calls = 0;
        var scenario = Scenario.Create("warm", _ =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.Inject(200, Second, Second))
            .WithWarmUpDuration(TimeSpan.FromMilliseconds(500));

        var result = await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        // The warm-up runs the first 0.5 s of the schedule (100 iterations), then the whole schedule counts (200).
        Assert.Equal(300, calls);
        Assert.Equal(200, result.Scenarios[0].Iterations.Ok);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_schedule_and_still_returns_what_ran()
    {
        using var stop = new CancellationTokenSource();
        var calls = 0;
        var scenario = Scenario.Create("ctrl-c", _ =>
            {
                if (Interlocked.Increment(ref calls) == 20)
                {
                    stop.Cancel();
                }

                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.KeepConstant(2, TimeSpan.FromMinutes(10)))
            .WithoutWarmUp();

        var result = await Runner().RunAsync([scenario], stop.Token).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Interrupted);
        Assert.InRange(result.Scenarios[0].Iterations.Ok, 20, 22);
    }

    [Fact]
    public void Scenarios_longer_than_the_cap_are_rejected_before_anything_runs()
    {
        var scenario = Scenario.Create("long", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.KeepConstant(1, TimeSpan.FromHours(2)));   // + 10 s default warm-up

        var ex = Assert.Throws<LoadRunException>(() => Runner().Validate([scenario]));
        Assert.Contains("over the cap", ex.Message);
    }

    [Fact]
    public async Task Open_model_iterations_see_their_intended_start_and_repeatable_random_numbers()
    {
        async Task<List<(long, int, DateTimeOffset)>> RunOnce()
        {
            var seen = new ConcurrentBag<(long, int, DateTimeOffset)>();
            var scenario = Scenario.Create("random", context =>
                {
                    seen.Add((context.InvocationNumber, context.Random.Next(1_000_000), context.IntendedStart));
                    return Task.FromResult(Response.Ok());
                })
                .WithLoadSimulations(Simulation.Inject(50, Second, Second))
                .WithoutWarmUp();
            await Runner().RunAsync([scenario], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
            return [.. seen.OrderBy(x => x.Item1)];
        }

        var first = await RunOnce();
        var second = await RunOnce();

        Assert.Equal(50, first.Count);
        Assert.Equal(first.Select(x => x.Item2), second.Select(x => x.Item2));
        // Intended starts are 20 ms apart whatever the actual scheduling was.
        Assert.Equal(TimeSpan.FromMilliseconds(20 * 49).TotalMilliseconds, (first[49].Item3 - first[0].Item3).TotalMilliseconds, 1);
    }
}
