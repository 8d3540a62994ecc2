using CommerceBrain.Agents.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Response clocks of one second: breaches are recorded and re-queue the session at the front.</summary>
public sealed class SlaGrainTests(SlaFixture fixture) : IClassFixture<SlaFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    private IAgentQueueGrain Queue(string group) => Grains.GetGrain<IAgentQueueGrain>(group);

    private Task Tell(SessionLifecycleEvent e) => fixture.Listener.OnSessionEventAsync(e, CancellationToken.None);

    [Fact]
    public async Task An_unanswered_escalation_is_breached_moved_to_the_front_and_taken_from_its_assigned_agent()
    {
        var group = SkillGroups.AfterSales;
        var agent = Grains.GetGrain<IAgentGrain>("s1-a");
        await agent.SetPresence(new PresenceChange(AgentPresence.Online, [group], 1));
        await Wait.For(() => Queue(group).Snapshot(), s => s.Agents.Contains("s1-a"), "s1-a on the roster");
        var session = new Events("s1-s");

        await Tell(session.Escalated(group));

        var snapshot = await Wait.For(() => Queue(group).Snapshot(),
            s => s.RecentBreaches.Any(b => b.SessionId == session.SessionId), "a first-response breach");
        var breach = snapshot.RecentBreaches.First(b => b.SessionId == session.SessionId);
        Assert.Equal(SlaClocks.FirstResponse, breach.Clock);
        Assert.True(breach.At >= breach.DueAt);
        var entry = await Wait.For(() => Queue(group).Entry(session.SessionId), e => e is { Breached: true, AssignedTo: null },
            "the breached entry withdrawn from its agent");
        Assert.True(entry!.Priority >= new PriorityWeights().Breached);
        Assert.Empty((await agent.View()).Assigned);
        Assert.True((await Grains.GetGrain<ISessionRoutingGrain>(session.SessionId).View()).Breaches >= 1);
    }

    [Fact]
    public async Task An_unanswered_customer_message_re_queues_the_attached_session_until_the_agent_answers()
    {
        var group = SkillGroups.Disputes;
        var agent = Grains.GetGrain<IAgentGrain>("s2-a");
        await agent.SetPresence(new PresenceChange(AgentPresence.Online, [group], 2));
        var session = new Events("s2-s");
        await Tell(session.Escalated(group));
        await Tell(session.Attached("s2-a"));
        await Tell(session.AgentMessage("s2-a"));

        await Tell(session.CustomerMessage());

        var entry = await Wait.For(() => Queue(group).Entry(session.SessionId), e => e is { Breached: true, HeldBy: "s2-a" },
            "the session re-queued after a next-response breach");
        Assert.Null(entry!.AssignedTo);
        var snapshot = await Queue(group).Snapshot();
        Assert.Contains(snapshot.RecentBreaches, b => b.SessionId == session.SessionId && b.Clock == SlaClocks.NextResponse && b.AgentId == "s2-a");

        await Tell(session.AgentMessage("s2-a"));

        Assert.Null(await Queue(group).Entry(session.SessionId));
        var routing = await Grains.GetGrain<ISessionRoutingGrain>(session.SessionId).View();
        Assert.Null(routing.NextResponseDue);
        Assert.Equal("s2-a", routing.AgentId);
    }
}
