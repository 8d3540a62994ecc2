using CommerceBrain.Agents.Api;
using CommerceBrain.Agents.Assist;
using CommerceBrain.Agents.Routing;
using CommerceBrain.Agents.Storage;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceBrain.Agents;

/// <summary>The agents module: agents, group queues and session routing as grains, and <c>/api/agents</c>.</summary>
public static class AgentsModule
{
    /// <summary>The module's migration name (table <c>agent_queue_entries</c>).</summary>
    public const string MigrationModule = "agents";

    /// <summary>
    /// Registers options, the session lifecycle listener (queues, loads, SLA clocks) and the attach admission
    /// (presence, capacity, groups) the session grain consults, and agent assist (the draft reviewer, learned answers).
    /// </summary>
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentsOptions>().Bind(configuration.GetSection(AgentsOptions.Section));
        services.AddStorageMigrations(MigrationModule, typeof(AgentsModule).Assembly);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QueueEntryStore>();
        services.AddSingleton<ISessionLifecycleListener, SessionRoutingListener>();
        services.AddSingleton<IAgentAdmission, AgentAdmissionPolicy>();

        // Agent assist: the draft reviewer the session asks about each agent message, the per-silo answer index and the
        // listener that fills it from resolved sessions.
        services.TryAddSingleton<IAgentDraftReviewer, AgentDraftReviewer>();
        services.AddSingleton<AgentAnswerIndex>();
        services.AddSingleton<ISessionLifecycleListener, AnswerLearningListener>();
        services.AddSingleton<SessionAssistant>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentsJsonContext.Default));
        return services;
    }
}
