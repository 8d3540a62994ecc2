using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Every state class survives the silo's grain storage serializer (what storage writes and reads back).</summary>
public sealed class StateSerializationTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private T RoundTrip<T>(T value)
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();
        return serializer.Deserialize<T>(serializer.Serialize(value))!;
    }

    [Fact]
    public void A_queue_entry_reads_back_through_the_serializer_its_table_rows_use()
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<Orleans.Serialization.Serializer<QueueEntry>>();
        var entry = new QueueBook().Put(new QueuedSession("s1", "summary", "vip", -0.5, 1200, DateTimeOffset.UtcNow, "note", "a", null, true));
        entry.AssignedTo = "a";
        entry.Excluded.Add("b");

        var back = serializer.Deserialize(serializer.SerializeToArray(entry))!;

        Assert.Equal(entry.Session, back.Session);
        Assert.Equal("a", back.AssignedTo);
        Assert.True(back.Breached);
        Assert.Contains("b", back.Excluded);
    }

    [Fact]
    public void A_queue_state_reads_back_with_its_roster_breaches_and_entries_from_before_the_table()
    {
        var now = DateTimeOffset.UtcNow;
        var state = new QueueState { LastChosen = "a", BreachCount = 1 };
        var entry = new QueueEntry { Session = new QueuedSession("s1", "summary", "vip", -0.5, 1200, now, "note", "a", null, false) };
        state.Entries["s1"] = entry;
        entry.AssignedTo = "a";
        entry.Excluded.Add("b");
        state.Roster["a"] = RosterMember.From(new AgentRoster("a", 3, AgentPresence.Online, 2, 1, true, ["s1"]));
        state.Breaches.Add(new SlaBreach("s0", SkillGroups.AfterSales, SlaClocks.FirstResponse, now, now, null));

        var back = RoundTrip(state);

        Assert.Equal(state.Entries["s1"].Session, back.Entries["s1"].Session);
        Assert.Equal("a", back.Entries["s1"].AssignedTo);
        Assert.Contains("b", back.Entries["s1"].Excluded);
        Assert.Equal(["s1"], back.Roster["a"].Assigned);
        Assert.Equal(3, back.Roster["a"].Version);
        Assert.Equal(state.Breaches, back.Breaches);
        Assert.Equal("a", back.LastChosen);
    }

    [Fact]
    public void An_agent_state_reads_back()
    {
        var state = new AgentState { Presence = AgentPresence.Away, Groups = ["disputes"], Capacity = 2, Active = ["s1"], Version = 4 };
        state.Assigned["s2"] = "disputes";

        var back = RoundTrip(state);

        Assert.Equal(state.View("x"), back.View("x"), new ViewComparer());
        Assert.Equal(4, back.Version);
    }

    [Fact]
    public void A_session_routing_state_reads_back()
    {
        var now = DateTimeOffset.UtcNow;
        var state = new SessionRoutingState { Status = SessionRoutingStatus.Attached, Group = "after-sales", AgentId = "a", FirstResponseDue = now, ReminderDue = now };
        state.MarkSeen(3);

        var back = RoundTrip(state);

        Assert.True(back.IsRepeat(3));
        Assert.Equal(state.View("s"), back.View("s"));
        Assert.Equal(now, back.ReminderDue);
    }

    [Fact]
    public void A_directory_state_reads_back()
    {
        var state = new AgentDirectoryState();
        state.Agents.Add("b");
        state.Agents.Add("a");

        Assert.Equal(["a", "b"], RoundTrip(state).Agents);
    }

    private sealed class ViewComparer : IEqualityComparer<AgentView>
    {
        public bool Equals(AgentView? x, AgentView? y) =>
            x is not null && y is not null && x.Presence == y.Presence && x.Groups.SequenceEqual(y.Groups) && x.Capacity == y.Capacity
            && x.Active.SequenceEqual(y.Active) && x.Assigned.OrderBy(a => a.Key).SequenceEqual(y.Assigned.OrderBy(a => a.Key));

        public int GetHashCode(AgentView obj) => obj.AgentId.GetHashCode(StringComparison.Ordinal);
    }
}
