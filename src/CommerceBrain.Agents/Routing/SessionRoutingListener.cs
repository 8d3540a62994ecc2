using CommerceBrain.Agents.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Routing;

/// <summary>Hands every session lifecycle event to the session's routing grain, which applies each event id once.</summary>
internal sealed class SessionRoutingListener(IGrainFactory grains) : ISessionLifecycleListener
{
    public Task OnSessionEventAsync(SessionLifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        return grains.GetGrain<ISessionRoutingGrain>(lifecycleEvent.SessionId).Apply(lifecycleEvent).WaitAsync(cancellationToken);
    }
}
