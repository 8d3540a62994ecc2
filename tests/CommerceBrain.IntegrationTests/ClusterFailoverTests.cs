using CommerceBrain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CommerceBrain.IntegrationTests;

/// <summary>
/// Cluster mode end to end: two real silo processes share one PostgreSQL database (membership, grain state). One is
/// killed with SIGKILL in the middle of acknowledged writes; the other answers for the dead silo's grains with every
/// acknowledged write present and keeps taking writes. A silo that is only frozen for a few seconds (a long GC pause,
/// CPU starvation) is not declared dead.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    // Orleans' grain type name of CounterGrain (class name, lower case, without "Grain"): the label in /metrics.
    private const string CounterGrainType = "counter";

    // Counters are added until each silo hosts this many, so the kill moves grains and A's writes also cross to B.
    private const int CountersPerSilo = 4;
    private const int MinimumCounters = 16;
    private const int MaximumCounters = 128;

    // Far beyond three missed probes (1.5-3 s with a 1 s probe timeout), well inside the 12 s of silence after which
    // Orleans accepts votes against a silo whose connections are still open.
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Acknowledged_writes_through_a_killed_silo_are_served_by_the_surviving_silo_which_keeps_taking_writes()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = ClusterSilo.Start(database.ConnectionString, clusterId);
        await using var b = ClusterSilo.Start(database.ConnectionString, clusterId);
        var readyA = a.Process.WaitUntilReadyAsync();
        var readyB = b.Process.WaitUntilReadyAsync();
        using var clientA = await readyA;
        using var clientB = await readyB;

        await BothActiveAsync(database, clusterId, a, b);

        var counters = await SpreadCountersAsync(clientA, clientB);

        var load = new CounterLoad(counters, target: 400);
        load.Start(clientA, workersPerCounter: 1);
        await load.ReachedTarget.WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, a));
        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, b));

        await a.Process.KillAsync();   // SIGKILL while one increment per counter is in flight through A

        await load.Stopped.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(load.AcknowledgedCount >= 400);

        // Until B has declared A dead, calls for A's grains get 503 + Retry-After; after that B activates them from storage.
        var stored = new Dictionary<string, long>();
        var unavailable = 0;
        foreach (var name in counters)
        {
            var (value, attempts) = await clientB.GetCounterRetryingAsync(name);
            unavailable += attempts - 1;
            var acknowledged = load.Acknowledged.GetValueOrDefault(name);
            var sent = load.Attempts.GetValueOrDefault(name);
            Assert.True(value >= acknowledged, $"Counter {name}: {acknowledged} was acknowledged through A but B reads only {value}.");
            Assert.True(value <= sent, $"Counter {name}: B reads {value} but only {sent} increments were sent.");
            stored[name] = value;
        }

        output.WriteLine($"{load.AcknowledgedCount} increments acknowledged through A; B answered 503 {unavailable} time(s) before serving every counter.");

        await Eventually.UntilAsync(
            async () => await StatusAsync(database, clusterId, a) == MembershipTable.Dead,
            "the killed silo to be declared Dead in the membership table");
        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, b));

        // B takes new writes on every counter, on top of what was stored, and reads them back.
        foreach (var name in counters)
        {
            var (value, attempts) = await clientB.IncrementRetryingAsync(name);
            Assert.True(value > stored[name] && value <= stored[name] + attempts,
                $"Counter {name}: was {stored[name]}, {attempts} increment request(s) through B returned {value}.");
            Assert.Equal(value, await clientB.GetCounterAsync(name));
        }

        // Every counter, A's former grains included, now lives on B, the only silo left.
        await Eventually.UntilAsync(
            async () => await SiloMetrics.ActivationsAsync(clientB, CounterGrainType) >= counters.Count,
            "every counter grain to be activated on the surviving silo");
    }

    [Fact]
    public async Task A_silo_frozen_for_a_few_seconds_is_not_declared_dead_and_serves_its_grains_again()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = "freeze-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = ClusterSilo.Start(database.ConnectionString, clusterId);
        await using var b = ClusterSilo.Start(database.ConnectionString, clusterId);
        var readyA = a.Process.WaitUntilReadyAsync();
        var readyB = b.Process.WaitUntilReadyAsync();
        using var clientA = await readyA;
        using var clientB = await readyB;
        await BothActiveAsync(database, clusterId, a, b);
        var counters = await SpreadCountersAsync(clientA, clientB);

        ProcessFreeze.Freeze(b.Process);
        try
        {
            // The scenario is a pause of this length, not a wait for a condition.
            await Task.Delay(Freeze);
        }
        finally
        {
            ProcessFreeze.Resume(b.Process);
        }

        // Calls through both front-ends reach B's grains again (A's calls queued during the freeze are answered).
        foreach (var name in counters)
        {
            var (throughA, _) = await clientA.IncrementRetryingAsync(name);
            var (throughB, _) = await clientB.IncrementRetryingAsync(name);
            Assert.True(throughB > throughA, $"Counter {name}: {throughA} through A, then {throughB} through B.");
        }

        // Had B been voted dead, its row would say so and B would have stopped itself on learning it.
        Assert.False(b.Process.HasExited, $"The frozen silo stopped.{Environment.NewLine}{b.Process.Describe()}");
        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, b));
        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, a));
        Assert.Equal(200, (int)(await clientB.GetAsync("/health/ready")).StatusCode);
    }

    private static Task BothActiveAsync(PostgresTestDatabase database, string clusterId, ClusterSilo a, ClusterSilo b) =>
        Eventually.UntilAsync(
            async () => await StatusAsync(database, clusterId, a) == MembershipTable.Active
                && await StatusAsync(database, clusterId, b) == MembershipTable.Active,
            "both silos to be Active in the membership table");

    private static Task<int?> StatusAsync(PostgresTestDatabase database, string clusterId, ClusterSilo silo) =>
        MembershipTable.StatusAsync(database.ConnectionString, clusterId, silo.SiloPort);

    /// <summary>
    /// Creates counters (at least <see cref="MinimumCounters"/>), each first called through A and B in turn, until both
    /// silos host <see cref="CountersPerSilo"/>.
    /// Placement (Orleans' resource-optimised default) usually keeps a grain on the silo its first call came through,
    /// but follows the load statistics: how many it takes depends on them, never more than <see cref="MaximumCounters"/>.
    /// </summary>
    private async Task<IReadOnlyList<string>> SpreadCountersAsync(HttpClient clientA, HttpClient clientB)
    {
        var counters = new List<string>();
        int onA = 0, onB = 0;
        while (counters.Count < MinimumCounters || onA < CountersPerSilo || onB < CountersPerSilo)
        {
            Assert.True(counters.Count < MaximumCounters,
                $"{counters.Count} counters were not spread over both silos: {onA} on A, {onB} on B (wanted {CountersPerSilo} on each).");
            for (var i = 0; i < 8; i++)
            {
                var name = $"failover-{counters.Count}";
                await (counters.Count % 2 == 0 ? clientA : clientB).GetCounterAsync(name);
                counters.Add(name);
            }

            // The scrape is cached for a moment: wait until it accounts for every counter (one activation each).
            await Eventually.UntilAsync(
                async () =>
                {
                    onA = await SiloMetrics.ActivationsAsync(clientA, CounterGrainType);
                    onB = await SiloMetrics.ActivationsAsync(clientB, CounterGrainType);
                    return onA + onB >= counters.Count;
                },
                $"the silos' metrics to show all {counters.Count} counter activations");
        }

        output.WriteLine($"Counters: {onA} on A, {onB} on B (of {counters.Count}).");
        return counters;
    }
}
