using System.Collections.Concurrent;

namespace CommerceBrain.Actors.Tests.Infrastructure;

/// <summary>A shared journal that grains write to and tests await conditions on (no sleeps).</summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string @event)
    {
        _events.Enqueue(@event);
        Signal();
    }

    public int Increment(string counter)
    {
        var value = _counters.AddOrUpdate(counter, 1, (_, v) => v + 1);
        Signal();
        return value;
    }

    public int Count(string counter) => _counters.GetValueOrDefault(counter);

    public int CountEvents(string @event) => _events.Count(e => e == @event);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every recorded event; fails after the timeout.</summary>
    public async Task WaitUntil(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for: {description}. Events: {string.Join(", ", _events)}");
            }
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
