namespace CommerceBrain.Coupons.Contracts;

/// <summary>The commerce module's customer segments, as eligibility names them.</summary>
public static class CustomerSegments
{
    /// <summary>A new customer (also any customer the shop does not know yet).</summary>
    public const string New = "new";

    /// <summary>A returning customer.</summary>
    public const string Regular = "regular";

    /// <summary>A valued customer.</summary>
    public const string Vip = "vip";

    /// <summary>All segments.</summary>
    public static IReadOnlyList<string> All { get; } = [New, Regular, Vip];
}
