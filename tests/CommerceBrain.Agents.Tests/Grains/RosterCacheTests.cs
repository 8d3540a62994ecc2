using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Grains;
using CommerceBrain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>The roster is a cache of the agents' own state: never written by the queue, rebuilt when the queue activates.</summary>
public sealed class RosterCacheTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private IAgentQueueGrain Queue(string group) => fixture.Grains.GetGrain<IAgentQueueGrain>(group);

    private static QueuedSession Session(string id, int secondsAgo = 0) =>
        new(id, "summary of " + id, "regular", 0, 0, Start.AddSeconds(-secondsAgo), null, null, null, false);

    private async Task Online(string group, int capacity, string agentId)
    {
        await fixture.Grains.GetGrain<IAgentGrain>(agentId).SetPresence(new PresenceChange(AgentPresence.Online, [group], capacity));
        await Wait.For(() => Queue(group).Summary(), s => s.Agents.Contains(agentId), $"{agentId} on the {group} roster");
    }

    private async Task<GrainState<QueueState>> StoredState(string group)
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
        var stored = new GrainState<QueueState>(new QueueState());
        await storage.ReadStateAsync("agents-queue", Queue(group).GetGrainId(), stored);
        return stored;
    }

    [Fact]
    public async Task Assignments_and_roster_updates_do_not_write_the_queue_state()
    {
        var group = SkillGroups.PreSales;
        await Online(group, 2, "rc-a");
        await Online(group, 2, "rc-b");
        var before = (await StoredState(group)).ETag;

        for (var i = 0; i < 4; i++)
        {
            await Queue(group).Enqueue(Session($"rc-s{i}", secondsAgo: 10 - i));
        }

        var snapshot = await Queue(group).Snapshot();
        Assert.Equal(2, snapshot.Entries.Count(e => e.AssignedTo == "rc-a"));
        Assert.Equal(2, snapshot.Entries.Count(e => e.AssignedTo == "rc-b"));
        await fixture.Grains.GetGrain<IAgentGrain>("rc-a").SetPresence(new PresenceChange(AgentPresence.Away, null, null));
        await Wait.For(() => Queue(group).Snapshot(), s => s.Entries.Count(e => e.AssignedTo is null) == 2, "rc-a's sessions back in the queue");

        var after = await StoredState(group);
        Assert.Equal(before, after.ETag);
        Assert.Empty(after.State?.Roster ?? []);
    }

    [Fact]
    public async Task After_a_restart_sessions_go_to_online_agents_with_room_only()
    {
        var group = SkillGroups.Disputes;
        await Online(group, 1, "rr-full");
        await Online(group, 2, "rr-room");
        await Online(group, 3, "rr-away");
        await fixture.Grains.GetGrain<IAgentGrain>("rr-away").SetPresence(new PresenceChange(AgentPresence.Away, null, null));
        await Queue(group).Enqueue(Session("rr-s1", secondsAgo: 10));
        Assert.Equal("rr-full", (await Queue(group).Entry("rr-s1"))?.AssignedTo);

        await fixture.RestartAsync();

        Assert.Equal(["rr-away", "rr-full", "rr-room"], (await Queue(group).Summary()).Agents);
        Assert.Equal("rr-full", (await Queue(group).Entry("rr-s1"))?.AssignedTo);
        Assert.Equal("rr-room", (await Queue(group).Enqueue(Session("rr-s2", secondsAgo: 5))).AssignedTo);
        Assert.Equal("rr-room", (await Queue(group).Enqueue(Session("rr-s3", secondsAgo: 4))).AssignedTo);
        Assert.Null((await Queue(group).Enqueue(Session("rr-s4", secondsAgo: 3))).AssignedTo);

        // The away agent comes back: the queue learns it from the agent and gives it the waiting session.
        await fixture.Grains.GetGrain<IAgentGrain>("rr-away").SetPresence(new PresenceChange(AgentPresence.Online, null, null));
        await Wait.For(() => Queue(group).Entry("rr-s4"), e => e?.AssignedTo == "rr-away", "rr-s4 assigned to rr-away");
    }

    [Fact]
    public async Task A_roster_stored_by_an_older_version_is_checked_with_its_agents_and_cleared()
    {
        var group = SkillGroups.MerchantSupport;
        await Online(group, 2, "lg-real");
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
        var old = await StoredState(group);
        old.State ??= new QueueState();

        // The stored copy claims an agent online with room who, by its own state, never went online.
        old.State.Roster["lg-ghost"] = RosterMember.From(new AgentRoster("lg-ghost", 9, AgentPresence.Online, 5, 0, true, []));
        await storage.WriteStateAsync("agents-queue", Queue(group).GetGrainId(), old);

        await fixture.RestartAsync();

        Assert.Equal(["lg-real"], (await Queue(group).Summary()).Agents);
        Assert.Equal("lg-real", (await Queue(group).Enqueue(Session("lg-s1"))).AssignedTo);
        Assert.Equal("lg-real", (await Queue(group).Enqueue(Session("lg-s2"))).AssignedTo);
        Assert.Null((await Queue(group).Enqueue(Session("lg-s3"))).AssignedTo);
        Assert.Empty((await StoredState(group)).State?.Roster ?? []);
    }
}
