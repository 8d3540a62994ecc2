using CommerceBrain.Agents.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Escalation → queue → automatic assignment → admission, driven through the lifecycle listener.</summary>
public sealed class RoutingGrainTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    private IAgentQueueGrain Queue(string group) => Grains.GetGrain<IAgentQueueGrain>(group);

    private IAgentGrain Agent(string id) => Grains.GetGrain<IAgentGrain>(id);

    private Task Tell(SessionLifecycleEvent e) => fixture.Listener.OnSessionEventAsync(e, CancellationToken.None);

    private async Task Online(string group, int capacity, params string[] agents)
    {
        foreach (var agent in agents)
        {
            await Agent(agent).SetPresence(new PresenceChange(AgentPresence.Online, [group], capacity));
        }
    }

    private Task<QueueSnapshot> RosterHas(string group, params string[] agents) =>
        Wait.For(() => Queue(group).Snapshot(), s => agents.All(s.Agents.Contains), $"{string.Join(", ", agents)} on the {group} roster");

    private Task<QueueEntryView?> AssignedIn(string group, string sessionId) =>
        Wait.For(() => Queue(group).Entry(sessionId), e => e?.AssignedTo is not null, $"{sessionId} assigned in {group}");

    /// <summary>Closes the sessions and signs the agents off, so the shared queues are empty for the next test.</summary>
    private async Task CleanUp(IEnumerable<Events> sessions, params string[] agents)
    {
        foreach (var session in sessions)
        {
            await Tell(session.Closed());
        }

        foreach (var agent in agents)
        {
            await Agent(agent).SetPresence(new PresenceChange(AgentPresence.Offline, null, null));
        }
    }

    [Fact]
    public async Task Escalated_sessions_go_to_the_least_loaded_online_agent_in_turn_and_only_eligible_agents_are_admitted()
    {
        var group = SkillGroups.AfterSales;
        var sessions = new[] { new Events("r1-x1"), new Events("r1-x2"), new Events("r1-x3") };
        try
        {
            await Online(group, 2, "r1-a", "r1-b");
            await Agent("r1-away").SetPresence(new PresenceChange(AgentPresence.Away, [group], 2));
            await Online(SkillGroups.MerchantSupport, 2, "r1-other");
            await RosterHas(group, "r1-a", "r1-b", "r1-away");

            var assigned = new List<string>();
            foreach (var session in sessions)
            {
                await Tell(session.Escalated(group));
                assigned.Add((await AssignedIn(group, session.SessionId))!.AssignedTo!);
            }

            // Both idle: the first by id; then the least loaded; then a tie, which rotates past the last chosen.
            Assert.Equal(["r1-a", "r1-b", "r1-a"], assigned);
            Assert.Equal(["r1-x1", "r1-x3"], (await Agent("r1-a").View()).Assigned.Keys.Order());
            Assert.Empty((await Agent("r1-away").View()).Assigned);

            var admission = fixture.Admission;
            Assert.True((await admission.CanAttachAsync("r1-a", "r1-x1", default)).Allowed);
            Assert.False((await admission.CanAttachAsync("r1-a", "r1-x2", default)).Allowed); // at capacity 2 with x1, x3
            Assert.Equal(403, (await admission.CanAttachAsync("r1-other", "r1-x2", default)).Status);
            Assert.Equal(409, (await admission.CanAttachAsync("r1-away", "r1-x2", default)).Status);
            Assert.Equal(409, (await admission.CanAttachAsync("r1-b", "r1-unknown", default)).Status);

            await Tell(sessions[0].Attached("r1-a"));

            Assert.Null(await Queue(group).Entry("r1-x1"));
            var a = await Agent("r1-a").View();
            Assert.Equal(["r1-x1"], a.Active);
            Assert.Equal(["r1-x3"], a.Assigned.Keys);
            Assert.Equal(SessionRoutingStatus.Attached, (await Grains.GetGrain<ISessionRoutingGrain>("r1-x1").View()).Status);
        }
        finally
        {
            await CleanUp(sessions, "r1-a", "r1-b", "r1-away", "r1-other");
        }
    }

    [Fact]
    public async Task A_waiting_session_the_customer_closes_leaves_the_queue_and_the_agent_it_was_assigned_to()
    {
        // The load driver's FAQ hand-overs: the bot hands the session to a person, the customer closes it before anyone
        // attaches; it must not stay in the agents' queue nor hold the assigned agent's capacity.
        var group = SkillGroups.PreSales;
        var assigned = new Events("r9-assigned");
        var unassigned = new Events("r9-unassigned");
        try
        {
            await Online(group, 1, "r9-a");
            await RosterHas(group, "r9-a");
            await Tell(assigned.Escalated(group));
            Assert.Equal("r9-a", (await AssignedIn(group, assigned.SessionId))!.AssignedTo);
            await Tell(unassigned.Escalated(group));   // the only agent is at capacity: it waits unassigned
            Assert.NotNull(await Queue(group).Entry(unassigned.SessionId));

            await Tell(assigned.Closed("5"));
            await Tell(unassigned.Closed("5"));

            Assert.Null(await Queue(group).Entry(assigned.SessionId));
            Assert.Null(await Queue(group).Entry(unassigned.SessionId));
            var agent = await Agent("r9-a").View();
            Assert.DoesNotContain(assigned.SessionId, agent.Assigned.Keys);
            Assert.Empty(agent.Active);
            Assert.Equal(SessionRoutingStatus.Ended, (await Grains.GetGrain<ISessionRoutingGrain>(assigned.SessionId).View()).Status);
            Assert.Equal(SessionRoutingStatus.Ended, (await Grains.GetGrain<ISessionRoutingGrain>(unassigned.SessionId).View()).Status);
        }
        finally
        {
            await CleanUp([assigned, unassigned], "r9-a");
        }
    }

    [Fact]
    public async Task Repeated_lifecycle_events_are_applied_once()
    {
        var group = SkillGroups.Disputes;
        var session = new Events("r2-s");
        try
        {
            await Online(group, 1, "r2-a");
            await RosterHas(group, "r2-a");
            var routing = Grains.GetGrain<ISessionRoutingGrain>(session.SessionId);

            var escalated = session.Escalated(group);
            Assert.True(await routing.Apply(escalated));
            await AssignedIn(group, session.SessionId);
            var attached = session.Attached("r2-a");
            await Tell(attached);

            // The session grain re-emits Escalated on activation; a retry repeats Attached.
            Assert.False(await routing.Apply(escalated));
            Assert.False(await routing.Apply(attached));

            Assert.Null(await Queue(group).Entry(session.SessionId));
            Assert.Equal(1, (await Agent("r2-a").View()).Load);

            var released = session.Released();
            await Tell(released);
            Assert.False(await routing.Apply(released));

            var agent = await Agent("r2-a").View();
            Assert.Equal(0, agent.Load);
            Assert.Equal(1, agent.Handled);
            Assert.Equal(SessionRoutingStatus.Bot, (await routing.View()).Status);
        }
        finally
        {
            await CleanUp([session], "r2-a");
        }
    }

    [Fact]
    public async Task A_transfer_to_a_named_agent_of_another_group_frees_the_first_agent_and_assigns_the_target_with_the_note()
    {
        var session = new Events("r3-s");
        try
        {
            await Online(SkillGroups.MerchantSupport, 3, "r3-a");
            await Online(SkillGroups.PreSales, 3, "r3-b", "r3-c");
            await RosterHas(SkillGroups.MerchantSupport, "r3-a");
            await RosterHas(SkillGroups.PreSales, "r3-b", "r3-c");
            await Tell(session.Escalated(SkillGroups.MerchantSupport));
            await AssignedIn(SkillGroups.MerchantSupport, session.SessionId);
            await Tell(session.Attached("r3-a"));

            await Tell(session.Transferred(SkillGroups.PreSales, "r3-c", "Asks about sizes before buying"));

            var entry = await AssignedIn(SkillGroups.PreSales, session.SessionId);
            Assert.Equal("r3-c", entry!.AssignedTo);
            Assert.Equal("Asks about sizes before buying", entry.Note);
            var first = await Agent("r3-a").View();
            Assert.Equal(0, first.Load);
            Assert.Equal(1, first.Handled);
            Assert.Null(await Queue(SkillGroups.MerchantSupport).Entry(session.SessionId));
        }
        finally
        {
            await CleanUp([session], "r3-a", "r3-b", "r3-c");
        }
    }

    [Fact]
    public async Task A_transfer_to_a_named_agent_outside_the_group_is_assigned_to_that_agent_and_freed_when_it_goes_offline()
    {
        var session = new Events("r6-s");
        try
        {
            await Online(SkillGroups.Disputes, 2, "r6-a");
            await Online(SkillGroups.AfterSales, 2, "r6-target");
            await RosterHas(SkillGroups.Disputes, "r6-a");
            await Tell(session.Escalated(SkillGroups.Disputes));
            await AssignedIn(SkillGroups.Disputes, session.SessionId);
            await Tell(session.Attached("r6-a"));

            await Tell(session.Transferred(null, "r6-target", "Knows this seller"));

            var entry = await AssignedIn(SkillGroups.Disputes, session.SessionId);
            Assert.Equal("r6-target", entry!.AssignedTo);
            Assert.Equal(SkillGroups.Disputes, (await Agent("r6-target").View()).Assigned[session.SessionId]);
            Assert.True((await fixture.Admission.CanAttachAsync("r6-target", session.SessionId, default)).Allowed);

            await Agent("r6-target").SetPresence(new PresenceChange(AgentPresence.Offline, null, null));

            // Back to the group: r6-a (it handed it over, now with room) is the only one left to take it.
            await Wait.For(() => Queue(SkillGroups.Disputes).Entry(session.SessionId), e => e?.AssignedTo == "r6-a",
                "the session back with the group");
        }
        finally
        {
            await CleanUp([session], "r6-a", "r6-target");
        }
    }

    [Fact]
    public async Task An_agent_going_away_hands_its_unattached_assignments_to_another_agent()
    {
        var group = SkillGroups.AfterSales;
        var session = new Events("r4-s");
        try
        {
            await Online(group, 2, "r4-a");
            await RosterHas(group, "r4-a");
            await Tell(session.Escalated(group));
            Assert.Equal("r4-a", (await AssignedIn(group, session.SessionId))!.AssignedTo);

            await Agent("r4-a").SetPresence(new PresenceChange(AgentPresence.Away, null, null));
            await Online(group, 2, "r4-b");

            await Wait.For(() => Queue(group).Entry(session.SessionId), e => e?.AssignedTo == "r4-b", "the session reassigned to r4-b");
            Assert.Empty((await Agent("r4-a").View()).Assigned);
        }
        finally
        {
            await CleanUp([session], "r4-a", "r4-b");
        }
    }

    [Fact]
    public async Task A_manual_pick_takes_the_session_from_the_agent_it_was_assigned_to()
    {
        var group = SkillGroups.Disputes;
        var session = new Events("r5-s");
        try
        {
            await Online(group, 2, "r5-a");
            await RosterHas(group, "r5-a");
            await Tell(session.Escalated(group));
            await AssignedIn(group, session.SessionId);
            await Online(group, 2, "r5-b");

            Assert.Equal(PickOutcome.Assigned, await Queue(group).Pick("r5-b", session.SessionId));
            Assert.Equal(PickOutcome.NotWaiting, await Queue(group).Pick("r5-b", "r5-nothing"));

            Assert.Equal("r5-b", (await Queue(group).Entry(session.SessionId))!.AssignedTo);
            Assert.Empty((await Agent("r5-a").View()).Assigned);
            Assert.Equal([session.SessionId], (await Agent("r5-b").View()).Assigned.Keys);
        }
        finally
        {
            await CleanUp([session], "r5-a", "r5-b");
        }
    }
}
