namespace CommerceBrain.Nlu.Api;

/// <summary>An entity in the text.</summary>
/// <param name="Kind">OrderId, Amount, Date, Phone or Email.</param>
/// <param name="Text">The span as written.</param>
/// <param name="Value">Canonical form (e.g. <c>CNY 199</c>, an ISO date, digits of a phone).</param>
/// <param name="Start">Index of the span in the text.</param>
/// <param name="Length">Length of the span.</param>
public sealed record EntityView(string Kind, string Text, string Value, int Start, int Length);
