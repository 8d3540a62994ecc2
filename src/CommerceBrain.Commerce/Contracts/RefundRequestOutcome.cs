namespace CommerceBrain.Commerce.Contracts;

/// <summary>What happened to a <see cref="RefundRequest"/>.</summary>
[GenerateSerializer]
public enum RefundRequestOutcome
{
    Requested,
    /// <summary>The item (or order) already has an open or paid refund; <see cref="RefundRequestResult.Refund"/> is it.</summary>
    AlreadyRequested,
    /// <summary>No such order or item, or another customer's order.</summary>
    NotFound,
    /// <summary>Not paid yet, or cancelled: nothing to refund.</summary>
    NotRefundable,
}
