namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>address_changes</c>: the first outcome of an address change request.</summary>
internal sealed class AddressChangeRow
{
    public string OrderId { get; init; } = string.Empty;

    public string RequestId { get; init; } = string.Empty;

    public string CustomerId { get; init; } = string.Empty;

    public string NewAddress { get; init; } = string.Empty;

    public string Outcome { get; init; } = string.Empty;

    public long RequestedAtMs { get; init; }
}
