using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task SIGTERM_during_writes_exits_0_and_keeps_every_acknowledged_write()
    {
        using var data = TempDirectory.Create();
        var load = new CounterLoad(["term-a", "term-b", "term-c"], target: 100);
        await using (var silo = SiloProcess.Serve(data.Path))
        {
            using var client = await silo.WaitUntilReadyAsync();
            load.Start(client, workersPerCounter: 2);
            await load.ReachedTarget.WaitAsync(Eventually.DefaultTimeout);

            silo.Terminate();

            Assert.Equal(0, await silo.WaitForExitAsync());
            await load.Stopped.WaitAsync(Eventually.DefaultTimeout);
            Assert.Contains("Application is shutting down", silo.StandardOutput, StringComparison.Ordinal);
        }

        await using var restarted = SiloProcess.Serve(data.Path);
        using var after = await restarted.WaitUntilReadyAsync();
        await CrashRecoveryTests.AssertEveryAcknowledgedWriteIsStoredAsync(after, load);
    }
}
