namespace CommerceBrain.Agents.Api;

/// <summary>Body of <c>PUT /api/agents/me/presence</c>: status online|away|offline; groups and capacity optional (kept when absent).</summary>
public sealed record PresenceRequest(string? Status, IReadOnlyList<string>? Groups, int? Capacity);
