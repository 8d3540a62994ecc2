using System.Collections;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Actors.Observers;

/// <summary>
/// Subscriptions of observers to a grain, each expiring unless renewed (as Orleans' ObserverManager): subscribers must
/// resubscribe periodically. <see cref="Notify"/> drops expired subscriptions and observers whose call fails.
/// Not thread-safe: use it from one grain, whose turns serialise access.
/// </summary>
public sealed class ObserverManager<TObserver> : IEnumerable<TObserver>
    where TObserver : class
{
    private readonly Dictionary<TObserver, DateTimeOffset> _subscribers = [];
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <param name="expiration">How long a subscription lasts without renewal (Orleans' sample uses one minute).</param>
    /// <param name="logger">Receives a debug entry when an observer is dropped.</param>
    /// <param name="time">The clock; the system clock by default.</param>
    public ObserverManager(TimeSpan expiration, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(logger);
        ExpirationDuration = expiration;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long a subscription lasts without renewal.</summary>
    public TimeSpan ExpirationDuration { get; set; }

    /// <summary>Current subscriptions, expired ones included until the next clean-up.</summary>
    public int Count => _subscribers.Count;

    /// <summary>Adds an observer or renews its subscription.</summary>
    public void Subscribe(TObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _subscribers[observer] = _time.GetUtcNow();
    }

    /// <summary>Removes an observer.</summary>
    public void Unsubscribe(TObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _subscribers.Remove(observer);
    }

    /// <summary>Removes every subscription.</summary>
    public void Clear() => _subscribers.Clear();

    /// <summary>Drops subscriptions not renewed within <see cref="ExpirationDuration"/>.</summary>
    public void ClearExpired()
    {
        var cutoff = _time.GetUtcNow() - ExpirationDuration;
        foreach (var (observer, lastSeen) in _subscribers.ToList())
        {
            if (lastSeen < cutoff)
            {
                _subscribers.Remove(observer);
                ActorsLog.ObserverRemoved(_logger, observer.ToString() ?? "observer", "subscription expired");
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="notification"/> on every live subscriber (optionally filtered), concurrently, and waits for all.
    /// Observers whose call throws are unsubscribed.
    /// </summary>
    public async Task Notify(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ClearExpired();
        var targets = _subscribers.Keys.Where(o => predicate?.Invoke(o) ?? true).ToList();
        var calls = targets.Select(observer => NotifyOne(observer, notification)).ToArray();
        var outcomes = await Task.WhenAll(calls).ConfigureAwait(true);
        for (var i = 0; i < targets.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                _subscribers.Remove(targets[i]);
                ActorsLog.ObserverRemoved(_logger, targets[i].ToString() ?? "observer", failure.GetType().Name);
            }
        }
    }

    public IEnumerator<TObserver> GetEnumerator() => _subscribers.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static async Task<Exception?> NotifyOne(TObserver observer, Func<TObserver, Task> notification)
    {
        try
        {
            await notification(observer).ConfigureAwait(true);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
