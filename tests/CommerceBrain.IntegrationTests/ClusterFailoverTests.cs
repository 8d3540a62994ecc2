using CommerceBrain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CommerceBrain.IntegrationTests;

/// <summary>
/// Cluster mode end to end: two real silo processes share one PostgreSQL database (membership, grain state). One is
/// killed with SIGKILL in the middle of acknowledged writes; the other is declared its successor for every grain: it
/// answers for the dead silo's grains with every acknowledged write present and keeps taking writes.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    // Orleans' grain type name of CounterGrain (class name, lower case, without "Grain"): the label in /metrics.
    private const string CounterGrainType = "counter";

    private static readonly string[] CounterNames = [.. Enumerable.Range(0, 32).Select(i => $"failover-{i}")];

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

        await Eventually.UntilAsync(
            async () => await StatusAsync(database, clusterId, a) == MembershipTable.Active
                && await StatusAsync(database, clusterId, b) == MembershipTable.Active,
            "both silos to be Active in the membership table");

        // Placement prefers the silo a call enters through when the silos are equally loaded: first calls through both
        // front-ends make sure each silo hosts some counters, so the kill moves grains and A's writes cross to B.
        foreach (var (name, index) in CounterNames.Select((n, i) => (n, i)))
        {
            await (index % 2 == 0 ? clientA : clientB).GetCounterAsync(name);
        }

        var (onA, onB) = await EachSiloHostsCountersAsync(clientA, clientB);
        output.WriteLine($"Counters before the kill: {onA} on A, {onB} on B.");

        var load = new CounterLoad(CounterNames, target: 400);
        load.Start(clientA, workersPerCounter: 1);
        await load.ReachedTarget.WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, a));
        Assert.Equal(MembershipTable.Active, await StatusAsync(database, clusterId, b));

        await a.Process.KillAsync();   // SIGKILL while 32 increments are in flight through A

        await load.Stopped.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(load.AcknowledgedCount >= 400);

        // Until B has declared A dead, calls for A's grains get 503 + Retry-After; after that B activates them from storage.
        var stored = new Dictionary<string, long>();
        var unavailable = 0;
        foreach (var name in CounterNames)
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
        foreach (var name in CounterNames)
        {
            var (value, attempts) = await clientB.IncrementRetryingAsync(name);
            Assert.True(value > stored[name] && value <= stored[name] + attempts,
                $"Counter {name}: was {stored[name]}, {attempts} increment request(s) through B returned {value}.");
            Assert.Equal(value, await clientB.GetCounterAsync(name));
        }

        // Every counter, A's former grains included, now lives on B, the only silo left.
        await Eventually.UntilAsync(
            async () => await SiloMetrics.ActivationsAsync(clientB, CounterGrainType) >= CounterNames.Length,
            "every counter grain to be activated on the surviving silo");
    }

    private static Task<int?> StatusAsync(PostgresTestDatabase database, string clusterId, ClusterSilo silo) =>
        MembershipTable.StatusAsync(database.ConnectionString, clusterId, silo.SiloPort);

    private static async Task<(int OnA, int OnB)> EachSiloHostsCountersAsync(HttpClient clientA, HttpClient clientB)
    {
        int onA = 0, onB = 0;
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    onA = await SiloMetrics.ActivationsAsync(clientA, CounterGrainType);
                    onB = await SiloMetrics.ActivationsAsync(clientB, CounterGrainType);
                    return onA > 0 && onB > 0;
                },
                "both silos to host counter grains");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The counters were not spread over both silos: {onA} on A, {onB} on B (of {CounterNames.Length}).");
        }

        return (onA, onB);
    }
}
