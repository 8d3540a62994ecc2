namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// An agent as routing sees it: presence, groups, capacity, the sessions attached (<paramref name="Active"/>) and those
/// assigned but not yet attached (<paramref name="Assigned"/>, session id → group), and handling figures.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.agent-view")]
public sealed record AgentView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] AgentPresence Presence,
    [property: Id(2)] IReadOnlyList<string> Groups,
    [property: Id(3)] int Capacity,
    [property: Id(4)] IReadOnlyList<string> Active,
    [property: Id(5)] IReadOnlyDictionary<string, string> Assigned,
    [property: Id(6)] long Handled,
    [property: Id(7)] double HandleSeconds,
    [property: Id(8)] long Ratings,
    [property: Id(9)] long RatingSum)
{
    /// <summary>Sessions counted against capacity: attached plus assigned.</summary>
    public int Load => Active.Count + Assigned.Count;
}
