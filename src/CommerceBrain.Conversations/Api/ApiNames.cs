using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>The wire names of statuses and reply kinds (snake case, as documented).</summary>
internal static class ApiNames
{
    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Active => "active",
        SessionStatus.WaitingForAgent => "waiting_for_agent",
        SessionStatus.WithAgent => "with_agent",
        SessionStatus.Closed => "closed",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => "answer",
        ReplyKind.Clarify => "clarify",
        ReplyKind.Form => "form",
        ReplyKind.Handoff => "handoff",
        ReplyKind.Fallback => "fallback",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static ReplyView? View(BotReply? reply) => reply is null
        ? null
        : new ReplyView(reply.Text, Of(reply.Kind), reply.Intent, reply.Confidence, reply.Choices, reply.Cards);
}
