namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>merchant_faqs</c>: one question-answer pair of a shop's own FAQ.</summary>
internal sealed class MerchantFaqRow
{
    public string MerchantId { get; init; } = string.Empty;

    public string FaqId { get; init; } = string.Empty;

    public long Position { get; init; }

    public string Language { get; init; } = string.Empty;

    public string Question { get; init; } = string.Empty;

    public string Answer { get; init; } = string.Empty;
}
