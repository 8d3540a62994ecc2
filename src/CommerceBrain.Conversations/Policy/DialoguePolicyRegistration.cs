using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Conversations.Policy;

/// <summary>Registers the dialogue policy; the host supplies <see cref="ILanguageUnderstanding"/> and <see cref="ICommerceDesk"/>.</summary>
public static class DialoguePolicyRegistration
{
    /// <summary>Binds <see cref="ConversationsOptions"/> from <c>CommerceBrain:Conversations</c> and adds <see cref="DialoguePolicy"/> (stateless, singleton).</summary>
    public static IServiceCollection AddDialoguePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationsOptions>().Bind(configuration.GetSection(ConversationsOptions.Section));
        services.AddSingleton<IDialoguePolicy, DialoguePolicy>();
        return services;
    }
}
