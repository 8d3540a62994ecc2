using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>A waiting session in a queue's state: what was queued, who it is assigned to, who may not get it again.</summary>
[GenerateSerializer]
[Alias("agents.queue-entry")]
public sealed class QueueEntry
{
    [Id(0)] public required QueuedSession Session { get; set; }
    [Id(1)] public string? AssignedTo { get; set; }
    [Id(2)] public bool Breached { get; set; }
    [Id(3)] public HashSet<string> Excluded { get; set; } = [];
}
