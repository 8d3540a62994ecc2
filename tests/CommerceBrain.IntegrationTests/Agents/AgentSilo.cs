using CommerceBrain.Conversations.Contracts;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>One silo (SQLite, no demo data) shared by the agent API tests; each test uses its own agents and sessions.</summary>
public sealed class AgentSilo : IAsyncLifetime
{
    private long nextEventId;

    public TestSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(waitForNlu: false);

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    /// <summary>Tells every registered lifecycle listener, as the session grain does after committing a change.</summary>
    public async Task Tell(string sessionId, SessionLifecycleKind kind, string? agentId = null, string? group = null, string? note = null,
        HandoffPacket? packet = null)
    {
        var e = new SessionLifecycleEvent(sessionId, "cust-" + sessionId, kind, Interlocked.Increment(ref nextEventId), DateTimeOffset.UtcNow,
            agentId, packet, group, note);
        foreach (var listener in Silo.App.Services.GetServices<ISessionLifecycleListener>())
        {
            await listener.OnSessionEventAsync(e, CancellationToken.None);
        }
    }

    public static HandoffPacket Packet(string sessionId, string summary, string segment = "regular", float sentiment = 0) =>
        new(sessionId, "cust-" + sessionId, null, segment, null, "web", "requested", summary, ["human_agent"], new Dictionary<string, string>(),
            [], sentiment, 0, [], "en", DateTimeOffset.UtcNow);
}
