namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// A seam for the modules that follow sessions (the agents module queues escalated sessions and runs the response
/// clocks). Registered in DI; the session grain calls every listener after the change is durable, and again on
/// activation for a session still waiting for a person, so listeners must be idempotent (by <see cref="SessionLifecycleEvent.EventId"/>).
/// </summary>
public interface ISessionLifecycleListener
{
    /// <summary>Called after <paramref name="lifecycleEvent"/> is committed; a failure is logged, never undoes the change.</summary>
    Task OnSessionEventAsync(SessionLifecycleEvent lifecycleEvent, CancellationToken cancellationToken);
}
