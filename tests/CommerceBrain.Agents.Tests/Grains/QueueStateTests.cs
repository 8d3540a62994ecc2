using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Grains;

namespace CommerceBrain.Agents.Tests.Grains;

public sealed class QueueStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);

    private static QueuedSession Session(string id, double minutesAgo = 0, string? segment = null, double sentiment = 0, bool breached = false) =>
        new(id, "summary", segment, sentiment, 0, Now.AddMinutes(-minutesAgo), null, null, null, breached);

    private static AgentRoster Roster(string agentId, long version, bool inGroup = true, params string[] assigned) =>
        new(agentId, version, AgentPresence.Online, 3, assigned.Length, inGroup, assigned);

    [Fact]
    public void Enqueueing_the_same_session_twice_keeps_one_entry()
    {
        var book = new QueueBook();
        book.Put(Session("s1"));
        book.Put(Session("s1", minutesAgo: 1));
        Assert.Single(book.Entries);
    }

    [Fact]
    public void Sessions_are_ordered_by_priority_then_by_wait()
    {
        var book = new QueueBook();
        book.Put(Session("old", minutesAgo: 2));
        book.Put(Session("vip", segment: "vip"));
        book.Put(Session("angry", minutesAgo: 1, sentiment: -1));
        book.Put(Session("breached", breached: true));
        Assert.Equal(["breached", "angry", "vip", "old"], book.Ordered(Now, new PriorityWeights()).Select(e => e.Session.SessionId));
    }

    [Fact]
    public void A_bounded_read_returns_the_first_entries_in_queue_order()
    {
        var book = new QueueBook();
        for (var i = 0; i < 10; i++)
        {
            book.Put(Session($"s{i}", minutesAgo: i));
        }

        Assert.Equal(["s9", "s8", "s7"], QueueBook.Top(book.Entries.Values, Now, new PriorityWeights(), 3).Select(e => e.Session.SessionId));
    }

    [Fact]
    public void An_older_roster_arriving_late_is_ignored()
    {
        var state = new QueueRoster();
        Assert.True(state.Apply(Roster("a", 5)));
        Assert.False(state.Apply(Roster("a", 4, inGroup: false)));
        Assert.Contains(state.Candidates(), c => c.AgentId == "a");
        Assert.Equal("a", state.Choose(null));
    }

    [Fact]
    public void An_agent_who_no_longer_holds_an_assignment_loses_it_in_the_queue()
    {
        var book = new QueueBook();
        book.Put(Session("s1")).AssignedTo = "a";
        book.Put(Session("s2")).AssignedTo = "b";
        Assert.Empty(book.Release(Roster("a", 1, true, "s1")));
        Assert.Equal("a", book.Entries["s1"].AssignedTo);

        Assert.Equal(["s1"], book.Release(Roster("a", 2)).Select(e => e.Session.SessionId));
        Assert.Null(book.Entries["s1"].AssignedTo);
        Assert.Equal("b", book.Entries["s2"].AssignedTo);
    }

    [Fact]
    public void An_agent_who_leaves_the_group_is_no_longer_a_candidate()
    {
        var state = new QueueRoster();
        state.Apply(Roster("a", 1));
        state.Apply(Roster("a", 2, inGroup: false));
        Assert.Empty(state.Candidates());
        Assert.Null(state.Choose(null));
        Assert.False(state.AnyoneHasRoom());
        Assert.False(state.Apply(Roster("a", 1)));
    }

    [Fact]
    public void Only_the_latest_breaches_are_kept_but_all_are_counted()
    {
        var state = new QueueState();
        for (var i = 0; i < 5; i++)
        {
            state.Record(new SlaBreach($"s{i}", SkillGroups.AfterSales, SlaClocks.FirstResponse, Now, Now, null), kept: 3);
        }

        Assert.Equal(5, state.BreachCount);
        Assert.Equal(["s2", "s3", "s4"], state.Breaches.Select(b => b.SessionId));
    }
}
