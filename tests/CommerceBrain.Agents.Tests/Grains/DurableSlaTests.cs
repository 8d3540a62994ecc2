using CommerceBrain.Agents.Contracts;
using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>The response clocks outlive the activation that started them.</summary>
public sealed class DurableSlaTests(DurableSlaFixture fixture) : IClassFixture<DurableSlaFixture>
{
    [Fact]
    public async Task A_running_clock_is_a_durable_reminder_that_breaches_after_the_grain_was_deactivated()
    {
        var group = SkillGroups.MerchantSupport;
        var queue = fixture.Grains.GetGrain<IAgentQueueGrain>(group);
        var agent = fixture.Grains.GetGrain<IAgentGrain>("d1-a");
        await agent.SetPresence(new PresenceChange(AgentPresence.Online, [group], 1));
        await Wait.For(() => queue.Snapshot(), s => s.Agents.Contains("d1-a"), "d1-a on the roster");
        var session = new Events("d1-s");
        var routing = fixture.Grains.GetGrain<ISessionRoutingGrain>(session.SessionId);
        await fixture.Listener.OnSessionEventAsync(session.Escalated(group), CancellationToken.None);
        await Wait.For(() => queue.Entry(session.SessionId), e => e?.AssignedTo == "d1-a", "the session assigned to d1-a");

        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(routing.GetGrainId());
        Assert.Contains(rows.Reminders, r => r.ReminderName == "sla");

        // Drops every idle activation, the routing grain's timer with it: only the reminder can bring it back.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(routing));
        Assert.Null(await management.GetActivationAddress(queue));

        // Reactivated from storage: the queue, the agent and the session routing as they were.
        Assert.Equal("d1-a", (await queue.Entry(session.SessionId))?.AssignedTo);
        var reloaded = await agent.View();
        Assert.Equal(AgentPresence.Online, reloaded.Presence);
        Assert.Equal([session.SessionId], reloaded.Assigned.Keys);
        Assert.Equal(SessionRoutingStatus.Waiting, (await routing.View()).Status);

        var breach = await Wait.For(() => queue.Snapshot(),
            s => s.RecentBreaches.Any(b => b.SessionId == session.SessionId), "the breach from the reminder");
        Assert.Equal(SlaClocks.FirstResponse, breach.RecentBreaches.First(b => b.SessionId == session.SessionId).Clock);

        await fixture.Listener.OnSessionEventAsync(session.Closed(), CancellationToken.None);
        Assert.DoesNotContain((await table.ReadRows(routing.GetGrainId())).Reminders, r => r.ReminderName == "sla");
    }
}
