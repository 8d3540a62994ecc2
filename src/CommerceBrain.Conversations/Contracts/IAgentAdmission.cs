namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// A seam the agents module fills: asked before an agent attaches to a session (presence, capacity, the session waiting
/// in one of the agent's groups or assigned to the agent). Without a registered implementation every agent may attach.
/// </summary>
public interface IAgentAdmission
{
    /// <summary>Whether <paramref name="agentId"/> may attach to <paramref name="sessionId"/> now.</summary>
    Task<AgentAdmission> CanAttachAsync(string agentId, string sessionId, CancellationToken cancellationToken);
}
