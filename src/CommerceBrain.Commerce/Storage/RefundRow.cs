namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>refunds</c>.</summary>
internal sealed class RefundRow
{
    public string RefundId { get; init; } = string.Empty;

    public string OrderId { get; init; } = string.Empty;

    public string? Sku { get; init; }

    public long AmountMinor { get; init; }

    public string Reason { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public string RequestId { get; init; } = string.Empty;

    public long RequestedAtMs { get; init; }

    public long? DecidedAtMs { get; init; }

    public string? DecidedBy { get; init; }

    public string? DecisionReason { get; init; }

    public string? DecisionRequestId { get; init; }
}
