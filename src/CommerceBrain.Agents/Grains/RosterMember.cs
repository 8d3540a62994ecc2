using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// An agent on a queue's roster as stored (concrete collections: the storage serializer writes interface-typed
/// members with their runtime type, which a compiler-made collection type would not survive).
/// </summary>
[GenerateSerializer]
[Alias("agents.roster-member")]
public sealed class RosterMember
{
    [Id(0)] public required string AgentId { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public AgentPresence Presence { get; set; }
    [Id(3)] public int Capacity { get; set; }
    [Id(4)] public int Load { get; set; }
    [Id(5)] public List<string> Assigned { get; set; } = [];

    /// <summary>False for an agent outside the group who holds a session of it by name (a transfer); kept for its version.</summary>
    [Id(6)] public bool InGroup { get; set; }

    public static RosterMember From(AgentRoster roster) => new()
    {
        AgentId = roster.AgentId,
        Version = roster.Version,
        Presence = roster.Presence,
        Capacity = roster.Capacity,
        Load = roster.Load,
        Assigned = [.. roster.Assigned],
        InGroup = roster.InGroup,
    };
}
