using Orleans.Concurrency;

namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// Follows a session grain live (<see cref="ISessionGrain.Subscribe"/>). Delivery is best effort and one-way: a follower
/// that sees an id jump reads the missing events with <see cref="ISessionGrain.EventsSince"/>.
/// </summary>
[Alias("conversations.session-observer")]
public interface ISessionObserver : IGrainObserver
{
    /// <summary>A committed event of the session.</summary>
    [OneWay]
    [Alias("on-event")]
    Task OnSessionEvent(SessionStreamEvent sessionEvent);
}
