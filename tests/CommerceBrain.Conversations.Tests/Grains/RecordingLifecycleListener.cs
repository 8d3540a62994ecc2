using System.Collections.Concurrent;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>A lifecycle listener that keeps what it is told, per session, in arrival order.</summary>
internal sealed class RecordingLifecycleListener : ISessionLifecycleListener
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SessionLifecycleEvent>> received = new();
    private readonly ConcurrentDictionary<string, int> failures = new();

    /// <summary>The next <paramref name="count"/> calls for <paramref name="sessionId"/> throw, as a busy queue grain would.</summary>
    public void FailNext(string sessionId, int count) => failures[sessionId] = count;

    /// <summary>Calls for <paramref name="sessionId"/> that threw.</summary>
    public int Failed(string sessionId) => failedCalls.GetValueOrDefault(sessionId);

    private readonly ConcurrentDictionary<string, int> failedCalls = new();

    public Task OnSessionEventAsync(SessionLifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        if (failures.TryGetValue(lifecycleEvent.SessionId, out var left) && left > 0)
        {
            failures[lifecycleEvent.SessionId] = left - 1;
            failedCalls.AddOrUpdate(lifecycleEvent.SessionId, 1, (_, n) => n + 1);
            throw new TimeoutException("The queue grain did not answer in time.");
        }

        received.GetOrAdd(lifecycleEvent.SessionId, _ => new()).Enqueue(lifecycleEvent);
        return Task.CompletedTask;
    }

    public IReadOnlyList<SessionLifecycleEvent> For(string sessionId) =>
        received.TryGetValue(sessionId, out var events) ? events.ToArray() : [];

    /// <summary>Waits (up to 30 s) until <paramref name="sessionId"/> has an event matching <paramref name="match"/>.</summary>
    public async Task<IReadOnlyList<SessionLifecycleEvent>> WaitForAsync(string sessionId, Func<IReadOnlyList<SessionLifecycleEvent>, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!match(For(sessionId)))
        {
            await Task.Delay(10, timeout.Token);
        }

        return For(sessionId);
    }
}
