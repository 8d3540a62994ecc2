namespace CommerceBrain.Load.Double11.Api;

/// <summary>A refund of an order (<see cref="Status"/>: Requested, Approved, Rejected, Contested, Paid).</summary>
public sealed record OrderRefund(string RefundId, string? Sku, long AmountMinor, string Status);
