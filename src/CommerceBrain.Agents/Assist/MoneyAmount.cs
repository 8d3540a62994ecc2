namespace CommerceBrain.Agents.Assist;

/// <summary>An amount written in a text: minor units (cents, fen) of an ISO currency (<c>CNY</c> or <c>USD</c>).</summary>
public readonly record struct MoneyAmount(long Minor, string Currency);
