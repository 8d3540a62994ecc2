using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Grains;

namespace CommerceBrain.Agents.Tests.Grains;

public sealed class AgentStateTests
{
    private static AgentState Agent(AgentPresence presence = AgentPresence.Online, int capacity = 2) =>
        new() { Presence = presence, Groups = [SkillGroups.AfterSales], Capacity = capacity };

    [Fact]
    public void An_online_agent_with_room_takes_a_session_of_its_group() =>
        Assert.True(Agent().CanTake("s1", SkillGroups.AfterSales));

    [Fact]
    public void A_session_of_another_group_is_refused() =>
        Assert.False(Agent().CanTake("s1", SkillGroups.Disputes));

    [Fact]
    public void An_away_agent_takes_nothing() =>
        Assert.False(Agent(AgentPresence.Away).CanTake("s1", SkillGroups.AfterSales));

    [Fact]
    public void Attached_and_assigned_sessions_both_count_against_capacity()
    {
        var agent = Agent(capacity: 2);
        agent.Active.Add("s1");
        agent.Assigned["s2"] = SkillGroups.AfterSales;

        Assert.Equal(2, agent.Load);
        Assert.False(agent.CanTake("s3", SkillGroups.AfterSales));
        Assert.True(agent.CanTake("s2", SkillGroups.AfterSales)); // already its own: a repeat offer is no new load
    }
}
