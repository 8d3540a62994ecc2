using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// The skill groups agents work in; each has its own queue. The names are the ones the session grain routes escalations
/// to (<see cref="EscalationGroups"/>), so the two modules cannot drift apart.
/// </summary>
public static class SkillGroups
{
    /// <summary>Questions before buying.</summary>
    public const string PreSales = EscalationGroups.PreSales;

    /// <summary>Orders, deliveries, returns and refunds.</summary>
    public const string AfterSales = EscalationGroups.AfterSales;

    /// <summary>Disputes between customers and merchants.</summary>
    public const string Disputes = EscalationGroups.Disputes;

    /// <summary>Help for merchants.</summary>
    public const string MerchantSupport = EscalationGroups.MerchantSupport;

    /// <summary>Every group.</summary>
    public static IReadOnlyList<string> All => EscalationGroups.All;

    /// <summary>Whether <paramref name="group"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);
}
