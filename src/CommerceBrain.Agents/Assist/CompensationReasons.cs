namespace CommerceBrain.Agents.Assist;

/// <summary>
/// The reason codes an agent gives with a compensation, voucher or refund promise (<c>reasonCode</c> on
/// <c>POST /api/sessions/{id}/agent-messages</c> and <c>/agent-drafts</c>). A promise without one of these is flagged.
/// </summary>
public static class CompensationReasons
{
    /// <summary>All known codes.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "late-delivery", "damaged-item", "wrong-item", "missing-item", "quality-issue", "price-adjustment",
        "service-failure", "return-approved", "goodwill",
    ];

    /// <summary>True for a known code.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
