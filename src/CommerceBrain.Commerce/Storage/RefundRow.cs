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

    /// <summary>When the refund listeners are (next) due; null once they all succeeded, or when nothing is owed.</summary>
    public long? ListenersDueAtMs { get; init; }

    /// <summary>When every refund listener last succeeded for this refund.</summary>
    public long? ListenersDoneAtMs { get; init; }

    /// <summary>Failed deliveries since the refund was paid (or since the last success).</summary>
    public long ListenerAttempts { get; init; }
}
