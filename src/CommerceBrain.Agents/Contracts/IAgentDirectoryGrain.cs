using Orleans.Concurrency;

namespace CommerceBrain.Agents.Contracts;

/// <summary>Every agent who ever set presence (one grain, key <see cref="Key"/>), for the supervisor view.</summary>
[Alias("agents.directory")]
public interface IAgentDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    const string Key = "all";

    /// <summary>Adds <paramref name="agentId"/> (idempotent).</summary>
    [Alias("register")]
    Task Register(string agentId);

    /// <summary>Every registered agent id.</summary>
    [ReadOnly]
    [Alias("list")]
    Task<IReadOnlyList<string>> List();
}
