namespace CommerceBrain.Load.Double11.Api;

/// <summary>A quick reply the bot offers.</summary>
public sealed record ReplyChoice(string? Label, string? Value);
