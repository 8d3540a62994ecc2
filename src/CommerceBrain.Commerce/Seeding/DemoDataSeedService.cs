using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// Seeds the demo data in the background once the host (and so the Orleans silo, whose grains the seeder calls) has
/// started, when <see cref="CommerceOptions.SeedDemoData"/> is on. Readiness waits for it through the "commerce" check.
/// </summary>
internal sealed class DemoDataSeedService(
    DemoDataSeeder seeder,
    IOptions<CommerceOptions> options,
    IHostApplicationLifetime lifetime,
    CommerceSeedStatus status,
    ILogger<DemoDataSeedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoData)
        {
            CommerceLog.SeedDisabled(logger);
            return Task.CompletedTask;
        }

        _run = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync()
    {
        try
        {
            // Grains answer only once the silo runs; ApplicationStarted fires after every hosted service started.
            await WhenStartedAsync();
            await seeder.SeedAsync(progress: null, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the next start completes the run.
        }
        catch (Exception ex)
        {
            status.Failed(ex.GetType().Name + ": " + ex.Message);
            CommerceLog.SeedFailed(logger, ex);
        }
    }

    private Task WhenStartedAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        var onStop = _stopping.Token.Register(() => started.TrySetCanceled(_stopping.Token));
        return started.Task.ContinueWith(t =>
        {
            onStart.Dispose();
            onStop.Dispose();
            return t;
        }, TaskScheduler.Default).Unwrap();
    }
}
