using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>
/// The durability promise end to end: a write acknowledged over HTTP is in storage, so a silo killed with SIGKILL in
/// the middle of concurrent writes comes back with every acknowledged value (and no write that was never sent).
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] CounterNames = [.. Enumerable.Range(0, 8).Select(i => $"crash-{i}")];

    [Fact]
    public Task Acknowledged_writes_survive_a_SIGKILL_on_sqlite() => AcknowledgedWritesSurviveAKillAsync("Sqlite", connectionString: null);

    [Fact]
    public async Task Acknowledged_writes_survive_a_SIGKILL_on_postgresql()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        await AcknowledgedWritesSurviveAKillAsync("PostgreSql", database.ConnectionString);
    }

    private static async Task AcknowledgedWritesSurviveAKillAsync(string storage, string? connectionString)
    {
        using var data = TempDirectory.Create();
        var load = new CounterLoad(CounterNames, target: 400);
        await using (var silo = SiloProcess.Serve(data.Path, storage, connectionString))
        {
            using var client = await silo.WaitUntilReadyAsync();
            load.Start(client, workersPerCounter: 2);
            await load.ReachedTarget.WaitAsync(Eventually.DefaultTimeout);

            await silo.KillAsync();   // SIGKILL while 16 requests are in flight

            await load.Stopped.WaitAsync(Eventually.DefaultTimeout);
        }

        await using var restarted = SiloProcess.Serve(data.Path, storage, connectionString);
        using var after = await restarted.WaitUntilReadyAsync();
        await AssertEveryAcknowledgedWriteIsStoredAsync(after, load);
        // The counter carries on from the recovered value.
        var recovered = await after.GetCounterAsync(CounterNames[0]);
        Assert.Equal(recovered + 1, await after.IncrementAsync(CounterNames[0]));
    }

    internal static async Task AssertEveryAcknowledgedWriteIsStoredAsync(HttpClient client, CounterLoad load)
    {
        Assert.True(load.AcknowledgedCount >= 1);
        foreach (var name in load.Counters)
        {
            var stored = await client.GetCounterAsync(name);
            var acknowledged = load.Acknowledged.GetValueOrDefault(name);
            var sent = load.Attempts.GetValueOrDefault(name);
            Assert.True(stored >= acknowledged, $"Counter {name}: {acknowledged} was acknowledged but only {stored} is stored.");
            Assert.True(stored <= sent, $"Counter {name}: {stored} is stored but only {sent} increments were sent.");
        }
    }
}
