using CommerceBrain.Agents.Contracts;
using CommerceBrain.Conversations.Contracts;
using Microsoft.AspNetCore.Http;

namespace CommerceBrain.Agents.Routing;

/// <summary>
/// Lets an agent attach only when online, under capacity, and the session waits in one of the agent's groups or is
/// assigned to the agent. Whether another agent holds the session is the session grain's call (409 there).
/// </summary>
internal sealed class AgentAdmissionPolicy(IGrainFactory grains) : IAgentAdmission
{
    public async Task<AgentAdmission> CanAttachAsync(string agentId, string sessionId, CancellationToken cancellationToken)
    {
        var agent = await grains.GetGrain<IAgentGrain>(agentId).View().WaitAsync(cancellationToken);
        return Decide(agent, await Waiting(sessionId, cancellationToken));
    }

    /// <summary>The queue entry of <paramref name="sessionId"/> when it waits in a group; null otherwise.</summary>
    private async Task<QueueEntryView?> Waiting(string sessionId, CancellationToken cancellationToken)
    {
        var routing = await grains.GetGrain<ISessionRoutingGrain>(sessionId).View().WaitAsync(cancellationToken);
        return routing.Group is { } group
            ? await grains.GetGrain<IAgentQueueGrain>(group).Entry(sessionId).WaitAsync(cancellationToken)
            : null;
    }

    internal static AgentAdmission Decide(AgentView agent, QueueEntryView? entry)
    {
        if (agent.Presence != AgentPresence.Online)
        {
            return AgentAdmission.No(StatusCodes.Status409Conflict,
                $"You are {agent.Presence.ToString().ToLowerInvariant()}: set your presence to online before attaching (PUT /api/agents/me/presence).");
        }

        if (entry is null)
        {
            return AgentAdmission.No(StatusCodes.Status409Conflict, "The session is not waiting for an agent.");
        }

        if (entry.AssignedTo == agent.AgentId)
        {
            return AgentAdmission.Yes;
        }

        if (!agent.Groups.Contains(entry.Group, StringComparer.Ordinal))
        {
            return AgentAdmission.No(StatusCodes.Status403Forbidden,
                $"The session waits in '{entry.Group}', which is not one of your groups.");
        }

        return agent.Load >= agent.Capacity
            ? AgentAdmission.No(StatusCodes.Status409Conflict,
                $"Capacity exceeded: you hold {agent.Load} of {agent.Capacity} sessions. Resolve or release one first.")
            : AgentAdmission.Yes;
    }
}
