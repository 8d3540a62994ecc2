namespace CommerceBrain.Agents.Contracts;

/// <summary>The skill groups agents work in; each has its own queue.</summary>
public static class SkillGroups
{
    /// <summary>Questions before buying.</summary>
    public const string PreSales = "pre-sales";

    /// <summary>Orders, deliveries, returns and refunds.</summary>
    public const string AfterSales = "after-sales";

    /// <summary>Disputes between customers and merchants.</summary>
    public const string Disputes = "disputes";

    /// <summary>Help for merchants.</summary>
    public const string MerchantSupport = "merchant-support";

    /// <summary>Every group.</summary>
    public static IReadOnlyList<string> All { get; } = [PreSales, AfterSales, Disputes, MerchantSupport];

    /// <summary>Whether <paramref name="group"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);
}
