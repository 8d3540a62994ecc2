using System.Collections.Concurrent;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>A session observer on the test client that keeps the events it receives.</summary>
internal sealed class CollectingObserver : ISessionObserver
{
    private readonly ConcurrentQueue<SessionStreamEvent> received = new();

    public Task OnSessionEvent(SessionStreamEvent sessionEvent)
    {
        received.Enqueue(sessionEvent);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<SessionStreamEvent>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (received.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }

        return received.ToArray();
    }
}
