using System.Collections.Concurrent;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// Concurrent increments against a silo, recording per counter how many were sent and the highest value acknowledged.
/// Workers stop at their first failed request (the silo went away).
/// </summary>
public sealed class CounterLoad
{
    private readonly ConcurrentDictionary<string, long> attempts = new();
    private readonly ConcurrentDictionary<string, long> acknowledged = new();
    private readonly TaskCompletionSource reachedTarget = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int target;
    private int acknowledgedCount;
    private Task? workers;

    public CounterLoad(IReadOnlyList<string> counters, int target)
    {
        Counters = counters;
        this.target = target;
    }

    public IReadOnlyList<string> Counters { get; }

    /// <summary>Increments sent per counter; a recovered value above this would be a phantom write.</summary>
    public IReadOnlyDictionary<string, long> Attempts => attempts;

    /// <summary>The highest value each counter acknowledged: it must be durable.</summary>
    public IReadOnlyDictionary<string, long> Acknowledged => acknowledged;

    public int AcknowledgedCount => Volatile.Read(ref acknowledgedCount);

    /// <summary>Starts <paramref name="workersPerCounter"/> workers per counter; completes <see cref="ReachedTarget"/> after the target.</summary>
    public void Start(HttpClient client, int workersPerCounter)
    {
        workers = Task.WhenAll(Counters.SelectMany(name => Enumerable.Range(0, workersPerCounter).Select(_ => Task.Run(() => WorkAsync(client, name)))));
    }

    /// <summary>Completes once the target number of writes was acknowledged, while the workers keep writing.</summary>
    public Task ReachedTarget => reachedTarget.Task;

    /// <summary>Completes when every worker has stopped.</summary>
    public Task Stopped => workers ?? Task.CompletedTask;

    private async Task WorkAsync(HttpClient client, string name)
    {
        while (true)
        {
            attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
            long value;
            try
            {
                value = await client.IncrementAsync(name);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                return;
            }

            acknowledged.AddOrUpdate(name, value, (_, current) => Math.Max(current, value));
            if (Interlocked.Increment(ref acknowledgedCount) >= target)
            {
                reachedTarget.TrySetResult();
            }
        }
    }
}
