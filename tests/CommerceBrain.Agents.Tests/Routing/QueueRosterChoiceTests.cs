using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Grains;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Tests.Routing;

/// <summary>The queue's sorted roster picks exactly as the round-robin rule does, whatever the updates.</summary>
public sealed class QueueRosterChoiceTests
{
    [Fact]
    public void Ties_rotate_by_id_after_the_agent_chosen_last_and_wrap()
    {
        var roster = new QueueRoster();
        foreach (var id in new[] { "c", "a", "b" })
        {
            roster.Apply(new AgentRoster(id, 1, AgentPresence.Online, 3, 0, true, []));
        }

        Assert.Equal("a", roster.Choose(null));
        Assert.Equal("b", roster.Choose("a"));
        Assert.Equal("c", roster.Choose("b"));
        Assert.Equal("a", roster.Choose("c"));
        Assert.Equal("c", roster.Choose("a", new HashSet<string> { "b" }));
    }

    [Fact]
    public void A_full_or_absent_agent_is_no_candidate_and_a_newer_load_moves_an_agent()
    {
        var roster = new QueueRoster();
        roster.Apply(new AgentRoster("a", 1, AgentPresence.Online, 1, 0, true, []));
        roster.Apply(new AgentRoster("b", 1, AgentPresence.Away, 3, 0, true, []));
        Assert.Equal("a", roster.Choose(null));

        roster.Apply(new AgentRoster("a", 2, AgentPresence.Online, 1, 1, true, ["s1"]));
        Assert.False(roster.AnyoneHasRoom());
        Assert.Null(roster.Choose(null));

        roster.Apply(new AgentRoster("b", 2, AgentPresence.Online, 3, 2, true, []));
        Assert.Equal("b", roster.Choose("b"));
    }

    [Fact]
    public void Random_updates_and_refusals_choose_what_the_round_robin_rule_chooses()
    {
        var random = new Random(20261130);
        var roster = new QueueRoster();
        var versions = new Dictionary<string, long>();
        string? last = null;
        for (var step = 0; step < 5000; step++)
        {
            var id = "a" + random.Next(40).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var version = versions[id] = versions.GetValueOrDefault(id) + 1;
            var presence = random.Next(6) == 0 ? AgentPresence.Away : AgentPresence.Online;
            var capacity = 1 + random.Next(4);
            roster.Apply(new AgentRoster(id, version, presence, capacity, random.Next(capacity + 1), random.Next(10) > 0, []));

            var excluded = Enumerable.Range(0, random.Next(3)).Select(_ => "a" + random.Next(40).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .ToHashSet(StringComparer.Ordinal);
            var expected = RoundRobin.Choose(roster.Candidates(), last, excluded);
            Assert.Equal(expected, roster.Choose(last, excluded));
            Assert.Equal(RoundRobin.Choose(roster.Candidates(), null) is not null, roster.AnyoneHasRoom());
            last = expected ?? last;
        }
    }
}
