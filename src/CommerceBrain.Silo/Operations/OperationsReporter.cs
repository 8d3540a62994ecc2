using Microsoft.Extensions.Options;

namespace CommerceBrain.Silo.Operations;

/// <summary>Pushes this silo's finished seconds to the cluster's <see cref="IOperationsMetricsGrain"/> every <see cref="OperationsOptions.PushInterval"/>.</summary>
public sealed partial class OperationsReporter(
    SiloMetricsSampler sampler,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider time,
    IOptions<OperationsOptions> options,
    ILogger<OperationsReporter> logger) : BackgroundService
{
    private long acknowledged;
    private bool failing;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PushOnceAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One push: the seconds after the last acknowledged one (all held ones after the grain asked for them).</summary>
    internal async Task PushOnceAsync()
    {
        var seconds = sampler.SealedAfter(acknowledged);
        var complete = acknowledged == 0 || acknowledged < sampler.OldestSecond;
        try
        {
            acknowledged = await grains.GetGrain<IOperationsMetricsGrain>(IOperationsMetricsGrain.ClusterKey)
                .Push(new SiloMetricsReport(silo.SiloAddress.ToString(), silo.Name, seconds, complete));
            if (failing)
            {
                failing = false;
                LogPushResumed(logger);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Starting, stopping or a silo of the cluster gone: the seconds stay in the ring and go with the next push.
            if (!failing)
            {
                failing = true;
                LogPushFailed(logger, error.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 9603, Level = LogLevel.Warning, Message = "Operations metrics: push to the cluster's metrics grain failed ({Error}); retrying every interval.")]
    private static partial void LogPushFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 9604, Level = LogLevel.Information, Message = "Operations metrics: pushes to the cluster's metrics grain resumed.")]
    private static partial void LogPushResumed(ILogger logger);
}
