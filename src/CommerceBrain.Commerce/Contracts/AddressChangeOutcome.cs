namespace CommerceBrain.Commerce.Contracts;

/// <summary>What happened to an <see cref="AddressChange"/>.</summary>
[GenerateSerializer]
public enum AddressChangeOutcome
{
    Changed,
    /// <summary>No such order, or it belongs to another customer (the same answer, so nothing is disclosed).</summary>
    NotFound,
    /// <summary>The order has shipped (or is cancelled/refunded): the address can no longer change.</summary>
    TooLate,
}
