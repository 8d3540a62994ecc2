namespace CommerceBrain.Agents.Contracts;

/// <summary>An agent's answer to an assignment: <paramref name="Accepted"/>, and its roster after the answer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.assignment-reply")]
public sealed record AssignmentReply(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] AgentRoster Roster);
