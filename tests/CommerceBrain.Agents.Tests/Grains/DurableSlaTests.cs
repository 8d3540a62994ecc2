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
        var session = new Events("d1-s");
        var routing = fixture.Grains.GetGrain<ISessionRoutingGrain>(session.SessionId);
        await fixture.Listener.OnSessionEventAsync(session.Escalated(SkillGroups.MerchantSupport), CancellationToken.None);

        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(routing.GetGrainId());
        Assert.Contains(rows.Reminders, r => r.ReminderName == "sla");

        // Drops every idle activation, the routing grain's timer with it: only the reminder can bring it back.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(routing));

        var breach = await Wait.For(() => fixture.Grains.GetGrain<IAgentQueueGrain>(SkillGroups.MerchantSupport).Snapshot(),
            s => s.RecentBreaches.Any(b => b.SessionId == session.SessionId), "the breach from the reminder");
        Assert.Equal(SlaClocks.FirstResponse, breach.RecentBreaches.First(b => b.SessionId == session.SessionId).Clock);

        await fixture.Listener.OnSessionEventAsync(session.Closed(), CancellationToken.None);
        Assert.DoesNotContain((await table.ReadRows(routing.GetGrainId())).Reminders, r => r.ReminderName == "sla");
    }
}
