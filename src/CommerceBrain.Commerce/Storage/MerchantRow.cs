namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>merchants</c>.</summary>
internal sealed class MerchantRow
{
    public string MerchantId { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Category { get; init; } = string.Empty;

    public long CreatedAtMs { get; init; }
}
