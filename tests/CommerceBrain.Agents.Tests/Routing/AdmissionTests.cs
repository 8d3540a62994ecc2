using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Tests.Routing;

public sealed class AdmissionTests
{
    private static AgentView Agent(AgentPresence presence = AgentPresence.Online, int capacity = 2, int active = 0, params string[] groups) =>
        new("ag", presence, groups.Length == 0 ? [SkillGroups.AfterSales] : groups, capacity,
            [.. Enumerable.Range(0, active).Select(i => $"s{i}")], new Dictionary<string, string>(), 0, 0, 0, 0);

    private static QueueEntryView Waiting(string group = SkillGroups.AfterSales, string? assignedTo = null) =>
        new("sess", group, DateTimeOffset.UnixEpoch, "summary", 1, assignedTo, null, false, null);

    [Fact]
    public void An_online_agent_with_room_may_attach_to_a_session_waiting_in_its_group() =>
        Assert.True(AgentAdmissionPolicy.Decide(Agent(), Waiting()).Allowed);

    [Fact]
    public void An_away_agent_is_refused_with_409() =>
        Assert.Equal(409, AgentAdmissionPolicy.Decide(Agent(AgentPresence.Away), Waiting()).Status);

    [Fact]
    public void An_agent_at_capacity_is_refused_with_409() =>
        Assert.Equal(409, AgentAdmissionPolicy.Decide(Agent(capacity: 2, active: 2), Waiting()).Status);

    [Fact]
    public void An_agent_outside_the_sessions_group_is_refused_with_403() =>
        Assert.Equal(403, AgentAdmissionPolicy.Decide(Agent(groups: SkillGroups.PreSales), Waiting()).Status);

    [Fact]
    public void A_session_not_waiting_is_refused_with_409() =>
        Assert.Equal(409, AgentAdmissionPolicy.Decide(Agent(), null).Status);

    [Fact]
    public void The_agent_a_session_is_assigned_to_may_attach_even_from_another_group() =>
        Assert.True(AgentAdmissionPolicy.Decide(Agent(groups: SkillGroups.PreSales), Waiting(assignedTo: "ag")).Allowed);
}
