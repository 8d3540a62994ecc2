using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Tests.Routing;

public sealed class RoundRobinTests
{
    private static RosterAgent Agent(string id, int load = 0, int capacity = 3, bool online = true) => new(id, online, capacity, load);

    [Fact]
    public void The_least_loaded_online_agent_is_chosen() =>
        Assert.Equal("b", RoundRobin.Choose([Agent("a", load: 2), Agent("b", load: 0), Agent("c", load: 1)], null));

    [Fact]
    public void Agents_at_capacity_are_skipped() =>
        Assert.Equal("c", RoundRobin.Choose([Agent("a", load: 1, capacity: 1), Agent("b", load: 2, capacity: 2), Agent("c", load: 2, capacity: 3)], null));

    [Fact]
    public void Away_or_offline_agents_are_skipped_even_when_idle() =>
        Assert.Equal("b", RoundRobin.Choose([Agent("a", online: false), Agent("b", load: 2)], null));

    [Fact]
    public void Nobody_is_chosen_when_no_online_agent_has_room() =>
        Assert.Null(RoundRobin.Choose([Agent("a", load: 3), Agent("b", online: false)], null));

    [Fact]
    public void Ties_rotate_after_the_agent_chosen_last()
    {
        RosterAgent[] roster = [Agent("a"), Agent("b"), Agent("c")];
        Assert.Equal("a", RoundRobin.Choose(roster, null));
        Assert.Equal("b", RoundRobin.Choose(roster, "a"));
        Assert.Equal("c", RoundRobin.Choose(roster, "b"));
        Assert.Equal("a", RoundRobin.Choose(roster, "c"));
    }

    [Fact]
    public void Assigning_in_turn_spreads_sessions_evenly()
    {
        var loads = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 1 };
        string? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = RoundRobin.Choose(loads.Select(l => Agent(l.Key, load: l.Value, capacity: 10)), last)!;
            loads[last]++;
        }

        Assert.Equal([2, 2, 2], loads.Values.ToArray());
    }

    [Fact]
    public void Excluded_agents_are_not_chosen() =>
        Assert.Equal("b", RoundRobin.Choose([Agent("a"), Agent("b", load: 1)], null, new HashSet<string> { "a" }));
}
