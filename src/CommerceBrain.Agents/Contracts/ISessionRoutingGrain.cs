using CommerceBrain.Conversations.Contracts;
using Orleans.Concurrency;

namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// Routing's side of one session, keyed by session id: applies the session's lifecycle events once each (by event id),
/// keeps the group queue and agents' loads in step, and runs the response clocks on durable reminders.
/// </summary>
[Alias("agents.session-routing")]
public interface ISessionRoutingGrain : IGrainWithStringKey
{
    /// <summary>Applies <paramref name="lifecycleEvent"/>; false when it was applied before (a repeat).</summary>
    [Alias("apply")]
    Task<bool> Apply(SessionLifecycleEvent lifecycleEvent);

    /// <summary>The session's routing now.</summary>
    [ReadOnly]
    [Alias("view")]
    Task<SessionRoutingView> View();
}
