using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>A storm of escalations: a thousand sessions reach a hundred agents (behaviour only; the timeout is generous).</summary>
public sealed class QueueScaleTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    [Fact]
    public async Task A_thousand_queued_sessions_are_all_assigned_to_a_hundred_agents_of_capacity_ten_evenly()
    {
        var group = SkillGroups.AfterSales;
        var queue = fixture.Grains.GetGrain<IAgentQueueGrain>(group);
        var agents = Enumerable.Range(0, 100).Select(i => $"big-a{i:000}").ToList();
        await Task.WhenAll(agents.Select(a =>
            fixture.Grains.GetGrain<IAgentGrain>(a).SetPresence(new PresenceChange(AgentPresence.Online, [group], 10))));
        await Wait.For(() => queue.Summary(), s => s.Agents.Count == 100, "100 agents on the roster");

        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            queue.Enqueue(new QueuedSession($"big-s{i:0000}", "summary", "regular", 0, 0, now.AddMilliseconds(-i), null, null, null, false))));

        var summary = await Wait.For(() => queue.Summary(), s => s.Assigned == 1000, "all 1,000 sessions assigned", timeoutSeconds: 300);
        Assert.Equal(1000, summary.Length);
        var snapshot = await queue.Snapshot();
        Assert.All(snapshot.Entries.GroupBy(e => e.AssignedTo), g => Assert.Equal(10, g.Count()));
        Assert.Equal(100, snapshot.Entries.Select(e => e.AssignedTo).Distinct().Count());
        foreach (var agent in agents.Take(5))
        {
            Assert.Equal(10, (await fixture.Grains.GetGrain<IAgentGrain>(agent).View()).Load);
        }
    }
}
