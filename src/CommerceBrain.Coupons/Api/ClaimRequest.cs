namespace CommerceBrain.Coupons.Api;

/// <summary>
/// The optional body of <c>POST /api/campaigns/{id}/claims</c>: where the customer claims (e.g. <c>chat</c>, <c>app</c>,
/// <c>shop-page</c>; 1-32 lower-case letters, digits or '-'). It is part of the request an Idempotency-Key names.
/// </summary>
public sealed record ClaimRequest(string? Channel);
