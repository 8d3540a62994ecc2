namespace CommerceBrain.Agents.Contracts;

/// <summary>A session as routing sees it: status, group, attached agent and the response clocks' deadlines.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.session-routing-view")]
public sealed record SessionRoutingView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] SessionRoutingStatus Status,
    [property: Id(2)] string? Group,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] DateTimeOffset? FirstResponseDue,
    [property: Id(5)] DateTimeOffset? NextResponseDue,
    [property: Id(6)] int Breaches);
