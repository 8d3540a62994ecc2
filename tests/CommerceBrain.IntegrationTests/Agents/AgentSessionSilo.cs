using CommerceBrain.Conversations.Contracts;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// A silo (SQLite or PostgreSQL, the shared demo models) with the conversations module's agent seams filled the way the agents module
/// would: an admission that refuses agent <c>a-offline</c>, and a draft reviewer that warns about rude words.
/// </summary>
public class AgentSessionSilo : IAsyncLifetime
{
    public const string OfflineAgent = "a-offline";

    private PostgresTestDatabase? database;

    public TestSilo Silo { get; private set; } = null!;

    protected virtual bool OnPostgreSql => false;

    /// <summary>Real sockets on a 127.0.0.1 port instead of the in-memory test server (TCP behaviour matters to the test).</summary>
    protected virtual bool OnLoopback => false;

    public async Task InitializeAsync()
    {
        var settings = ServeSettings.None;
        if (OnPostgreSql)
        {
            database = await PostgresTestDatabase.CreateAsync();
            settings = settings with { StorageProvider = "PostgreSql", ConnectionString = database.ConnectionString };
        }

        Silo = await TestSilo.StartAsync(settings, listenOnLoopback: OnLoopback, services: services =>
        {
            services.AddSingleton<IAgentAdmission, OfflineAgentAdmission>();
            services.AddSingleton<IAgentDraftReviewer, RudeWordReviewer>();
        });
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
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

/// <summary>The same silo on PostgreSQL (the ledger's agent rows in jsonb).</summary>
public sealed class PostgreSqlAgentSessionSilo : AgentSessionSilo
{
    protected override bool OnPostgreSql => true;
}

/// <summary>The same silo listening on a real loopback port (WebSockets over TCP, not the in-memory test server).</summary>
public sealed class LoopbackAgentSessionSilo : AgentSessionSilo
{
    protected override bool OnLoopback => true;
}
