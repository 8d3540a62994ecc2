namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// A seam the agents module fills (agent assist): reviews an agent's message and returns warnings, returned with the
/// <c>201</c> of <c>POST /api/sessions/{id}/agent-messages</c>. The message is sent either way; without a registered
/// reviewer there are no warnings.
/// </summary>
public interface IAgentDraftReviewer
{
    /// <summary>Warnings about <paramref name="draft"/>; empty when it is fine.</summary>
    Task<IReadOnlyList<AgentDraftWarning>> ReviewAsync(AgentDraft draft, CancellationToken cancellationToken);
}
