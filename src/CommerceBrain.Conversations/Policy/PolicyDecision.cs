using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// The policy's decision for one customer message: the reply, the dialogue state after the turn, and a handoff packet
/// when the session must go to a person now (then <see cref="BotReply.Kind"/> is <see cref="ReplyKind.Handoff"/>).
/// </summary>
public sealed record PolicyDecision(BotReply Reply, DialogueState State, HandoffPacket? Handoff);
