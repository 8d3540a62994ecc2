namespace CommerceBrain.Agents.Assist;

/// <summary>A next step for the agent: <c>lookup_order</c>, <c>start_refund</c>, <c>open_dispute</c> or <c>change_address</c>, on an order when it applies.</summary>
public sealed record AssistAction(string Kind, string? OrderId, string Label);
