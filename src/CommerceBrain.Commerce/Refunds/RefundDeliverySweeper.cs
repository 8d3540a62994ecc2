using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Refunds;

/// <summary>
/// The refund outbox's retry loop: every <see cref="CommerceOptions.RefundSweepInterval"/> it finds paid refunds whose
/// listeners are owed and due (oldest first, at most <see cref="CommerceOptions.RefundSweepBatchSize"/>) and asks their
/// order grains to deliver, so one activation per order does the work. Every silo sweeps; two silos asking the same order
/// queue on its one activation, which finds the refund delivered the second time. Starts once the host (and so the silo
/// and the migrated storage) has started.
/// </summary>
internal sealed class RefundDeliverySweeper(
    CommerceStore store,
    IGrainFactory grains,
    IOptions<CommerceOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<RefundDeliverySweeper> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RefundSweepInterval > TimeSpan.Zero)
        {
            _run = Task.Run(RunAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// One sweep: asks every order with due owed refunds (one batch) to deliver them. Returns the orders asked and whether
    /// the batch was full with every order answering (then more may be due right away).
    /// </summary>
    public async Task<(int Orders, bool MoreDue)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = Math.Max(1, settings.RefundSweepBatchSize);
        var orders = await store.ListOrdersWithDueRefundDeliveriesAsync(clock.GetUtcNow().ToUnixTimeMilliseconds(), batch, cancellationToken);
        var allAnswered = true;
        foreach (var orderId in orders)
        {
            try
            {
                await grains.GetGrain<IOrderGrain>(orderId).DeliverOwedRefunds().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One order's trouble (its silo died mid-call, a store error) must not hold up the others.
                allAnswered = false;
                CommerceLog.RefundSweepOrderFailed(logger, ex, orderId);
            }
        }

        var (pending, failing) = await store.CountOwedRefundDeliveriesAsync(cancellationToken);
        CommerceTelemetry.RecordOwedDeliveries(pending, failing);
        if (orders.Count > 0)
        {
            CommerceLog.RefundSweep(logger, orders.Count, pending, failing);
        }

        return (orders.Count, allAnswered && orders.Count >= batch);
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        try
        {
            await WhenStartedAsync(token);
            var failures = 0;
            while (!token.IsCancellationRequested)
            {
                var settings = options.Value;
                var wait = settings.RefundSweepInterval;
                try
                {
                    var (_, moreDue) = await SweepOnceAsync(token);
                    failures = 0;
                    if (moreDue)
                    {
                        wait = TimeSpan.Zero;
                    }
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // The database is away, most likely: back off rather than hammer it.
                    failures++;
                    var doubled = settings.RefundSweepInterval.Ticks * (1L << Math.Min(failures, 10));
                    wait = TimeSpan.FromTicks(Math.Min(doubled, Math.Max(settings.RefundMaxRetryDelay.Ticks, settings.RefundSweepInterval.Ticks)));
                    CommerceLog.RefundSweepFailed(logger, ex, failures, wait);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutting down; owed refunds stay in the tables for the next sweep, on this silo or another.
        }
    }

    private Task WhenStartedAsync(CancellationToken token)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        var onStop = token.Register(() => started.TrySetCanceled(token));
        return started.Task.ContinueWith(t =>
        {
            onStart.Dispose();
            onStop.Dispose();
            return t;
        }, TaskScheduler.Default).Unwrap();
    }
}
