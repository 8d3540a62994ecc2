namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// A quick reply the bot offered: what the customer may send (<paramref name="Label"/> or <paramref name="Value"/>, or
/// its 1-based position) and what it means to the policy (<paramref name="Action"/>, e.g. <c>intent:order_status</c>,
/// <c>faq:faq-0001</c>, <c>order:2026111100001</c>, <c>item:SKU</c>, <c>reason:damaged</c>, <c>confirm:yes</c>).
/// </summary>
public sealed record PendingChoice(string Label, string Value, string Action);
