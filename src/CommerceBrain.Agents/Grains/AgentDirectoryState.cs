namespace CommerceBrain.Agents.Grains;

/// <summary>The directory's persisted agent ids.</summary>
[GenerateSerializer]
[Alias("agents.directory-state")]
public sealed class AgentDirectoryState
{
    [Id(0)] public SortedSet<string> Agents { get; set; } = new(StringComparer.Ordinal);
}
