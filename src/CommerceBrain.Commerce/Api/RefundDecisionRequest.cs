namespace CommerceBrain.Commerce.Api;

/// <summary>
/// Body of <c>POST /api/orders/{id}/refunds/{refundId}/decision</c>: <paramref name="Approve"/> true pays the refund
/// back, false rejects it; <paramref name="RequestId"/> may stand in for the <c>Idempotency-Key</c> header.
/// </summary>
public sealed record RefundDecisionRequest(bool? Approve, string? Reason, string? RequestId);
