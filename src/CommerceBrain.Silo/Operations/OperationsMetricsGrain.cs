using CommerceBrain.Agents.Contracts;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Silo.Operations;

/// <summary>
/// <see cref="IOperationsMetricsGrain"/>: holds the <see cref="ClusterMetricsBook"/> and, on a timer, samples the agent
/// queues (their summaries, the Agents module's read) and Orleans' management grain (members and activations per silo).
/// </summary>
public sealed partial class OperationsMetricsGrain(
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<OperationsMetricsGrain> logger) : Grain, IOperationsMetricsGrain
{
    private readonly ClusterMetricsBook book = new(options.Value);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SampleGaugesAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.GaugeInterval));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<long> Push(SiloMetricsReport report) => Task.FromResult(book.Push(report, time.GetUtcNow()));

    /// <inheritdoc/>
    public Task<OperationsSnapshot> Read(long sinceSecond) => Task.FromResult(book.Read(sinceSecond, time.GetUtcNow()));

    private async Task SampleGaugesAsync(CancellationToken cancellationToken)
    {
        QueueSample? queue = null;
        try
        {
            var summaries = await Task.WhenAll(SkillGroups.All.Select(g => GrainFactory.GetGrain<IAgentQueueGrain>(g).Summary()));
            queue = new QueueSample(time.GetUtcNow().ToUnixTimeSeconds(), summaries.Sum(s => s.Length), summaries.Sum(s => s.Assigned));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogQueuesUnreadable(logger, error.GetType().Name);
        }

        List<SiloActivity> members = [];
        try
        {
            var management = GrainFactory.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: true);
            var addresses = hosts.Select(h => h.SiloAddress).ToArray();
            var statistics = addresses.Length == 0 ? [] : await management.GetRuntimeStatistics(addresses);
            for (var i = 0; i < hosts.Length; i++)
            {
                members.Add(new SiloActivity(hosts[i].SiloAddress.ToString(), hosts[i].SiloName, hosts[i].Status.ToString(),
                    i < statistics.Length ? statistics[i].ActivationCount : null, null, false));
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogMembersUnreadable(logger, error.GetType().Name);
        }

        book.RecordGauges(time.GetUtcNow(), queue, members);
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Warning, Message = "Operations metrics: the agent queues could not be read ({Error}); the queue chart skips this sample.")]
    private static partial void LogQueuesUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Warning, Message = "Operations metrics: Orleans' management grain could not be read ({Error}); the silo table keeps its last view.")]
    private static partial void LogMembersUnreadable(ILogger logger, string error);
}
