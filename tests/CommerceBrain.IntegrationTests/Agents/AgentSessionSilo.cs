using CommerceBrain.Conversations.Contracts;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// A silo (SQLite, the shared demo models) with the conversations module's agent seams filled the way the agents module
/// would: an admission that refuses agent <c>a-offline</c>, and a draft reviewer that warns about rude words.
/// </summary>
public sealed class AgentSessionSilo : IAsyncLifetime
{
    public const string OfflineAgent = "a-offline";

    public TestSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Silo = await TestSilo.StartAsync(services: services =>
        {
            services.AddSingleton<IAgentAdmission, OfflineAgentAdmission>();
            services.AddSingleton<IAgentDraftReviewer, RudeWordReviewer>();
        });

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }

    private sealed class OfflineAgentAdmission : IAgentAdmission
    {
        public Task<AgentAdmission> CanAttachAsync(string agentId, string sessionId, CancellationToken cancellationToken) =>
            Task.FromResult(agentId == OfflineAgent ? AgentAdmission.No(409, "You are offline: set your presence to online first.") : AgentAdmission.Yes);
    }

    private sealed class RudeWordReviewer : IAgentDraftReviewer
    {
        public Task<IReadOnlyList<AgentDraftWarning>> ReviewAsync(AgentDraft draft, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AgentDraftWarning>>(draft.Text.Contains("stupid", StringComparison.OrdinalIgnoreCase)
                ? [new AgentDraftWarning("rude", "Rude wording.")]
                : []);
    }
}
