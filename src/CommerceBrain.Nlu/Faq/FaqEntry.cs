namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// One FAQ answer. <paramref name="Merchant"/> null means global (every shop sees it); otherwise only that merchant's
/// queries may match it.
/// </summary>
public sealed record FaqEntry(string Id, string Question, IReadOnlyList<string> Paraphrases, string Answer,
    IReadOnlyList<string> Tags, string? Merchant = null);
