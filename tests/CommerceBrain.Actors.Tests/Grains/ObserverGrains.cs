using CommerceBrain.Actors.Observers;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Actors.Tests.Grains;

public interface IChatObserver : IGrainObserver
{
    Task Receive(string message);
}

public interface IChatRoomGrain : IGrainWithStringKey
{
    Task Subscribe(IChatObserver observer);

    Task Unsubscribe(IChatObserver observer);

    /// <summary>Notifies subscribers; returns how many subscriptions remain.</summary>
    Task<int> Publish(string message);
}

public sealed class ChatRoomGrain(ILogger<ChatRoomGrain> logger, TimeProvider time) : Grain, IChatRoomGrain
{
    private readonly ObserverManager<IChatObserver> _observers = new(TimeSpan.FromMinutes(1), logger, time);

    public Task Subscribe(IChatObserver observer)
    {
        _observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IChatObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<int> Publish(string message)
    {
        await _observers.Notify(o => o.Receive(message));
        return _observers.Count;
    }
}

/// <summary>A client-side observer that records messages and whether calls ever overlapped.</summary>
public sealed class RecordingObserver(bool fail = false) : IChatObserver
{
    private int _inside;

    public List<string> Messages { get; } = [];

    public int MaxInside { get; private set; }

    public async Task Receive(string message)
    {
        MaxInside = Math.Max(MaxInside, ++_inside);
        await Task.Yield();
        await Task.Delay(1);
        _inside--;
        if (fail)
        {
            throw new IOException("socket closed");
        }

        lock (Messages)
        {
            Messages.Add(message);
        }
    }
}
