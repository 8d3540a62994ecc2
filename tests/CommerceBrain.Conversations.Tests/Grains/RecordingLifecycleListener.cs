using System.Collections.Concurrent;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>A lifecycle listener that keeps what it is told, per session, in arrival order.</summary>
internal sealed class RecordingLifecycleListener : ISessionLifecycleListener
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SessionLifecycleEvent>> received = new();

    public Task OnSessionEventAsync(SessionLifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
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
