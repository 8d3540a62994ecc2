namespace CommerceBrain.Agents.Contracts;

/// <summary>Whether an agent takes sessions.</summary>
[GenerateSerializer]
public enum AgentPresence
{
    /// <summary>Signed out or never seen: no new sessions.</summary>
    Offline,
    /// <summary>Takes new sessions (automatic assignment, picks and attaches).</summary>
    Online,
    /// <summary>Keeps the sessions held, takes no new ones.</summary>
    Away,
}
