using System.Collections.Concurrent;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>
/// A test double for the dialogue policy: echoes the text, counts its calls per session, switches the state's language
/// to Chinese on "中文" and hands over on "human".
/// </summary>
internal sealed class ScriptedPolicy : IDialoguePolicy
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public Task<PolicyDecision> DecideAsync(DialogueContext context, DialogueState state, string text, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(context.SessionId, 1, (_, n) => n + 1);
        var next = text.Contains("中文", StringComparison.Ordinal) ? state with { Language = "zh" } : state;
        if (text.Contains("human", StringComparison.Ordinal))
        {
            var packet = new HandoffPacket(context.SessionId, context.CustomerId, "Ann", "vip", context.MerchantId, context.Channel,
                "explicit_request", "Customer asked for a person", ["human_agent"], new Dictionary<string, string>(), [], -0.2f, -0.1f, [],
                next.Language, context.Now);
            return Task.FromResult(new PolicyDecision(new BotReply("Connecting you to a person.", ReplyKind.Handoff, "human_agent", 0.9f), next, packet));
        }

        return Task.FromResult(new PolicyDecision(
            new BotReply($"echo: {text}", ReplyKind.Answer, "echo", 0.8f, [new ReplyChoice("Yes", "yes")]), next, null));
    }
}
