namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/resolve</c>: a resolution code (1–64 of lower-case letters, digits, '_', '-', '.'), e.g. <c>refund_issued</c>.</summary>
public sealed record ResolveRequest(string? ResolutionCode);
