using CommerceBrain.Conversations.Api;
using CommerceBrain.Conversations.Grains;
using CommerceBrain.Conversations.Live;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Storage;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceBrain.Conversations;

/// <summary>
/// The conversations module: customer sessions as grains over the transcript ledger, the dialogue policy and
/// <c>/api/sessions</c>.
/// </summary>
public static class ConversationsModule
{
    /// <summary>The module's migration name (table <c>session_events</c>).</summary>
    public const string MigrationModule = "conversations";

    /// <summary>Registers options, the ledger, the policy and its adapters to the NLU and commerce grains.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddOptions<SessionStreamOptions>().Bind(configuration.GetSection(SessionStreamOptions.Section));
        services.AddStorageMigrations(MigrationModule, typeof(ConversationsModule).Assembly);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionLedger>();
        services.AddSingleton<SessionStreamHub>();
        services.AddSingleton<ILanguageUnderstanding, GrainLanguageUnderstanding>();
        services.AddSingleton<ICommerceDesk, GrainCommerceDesk>();
        services.AddDialoguePolicy(configuration);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ConversationsJsonContext.Default));
        return services;
    }
}
