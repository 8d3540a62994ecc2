namespace CommerceBrain.Identity;

/// <summary>Authorization policy names modules put on their endpoints (<c>RequireAuthorization(Policies.Customer)</c>).</summary>
public static class Policies
{
    /// <summary>Role customer.</summary>
    public const string Customer = "customer";

    /// <summary>Role agent or admin.</summary>
    public const string Agent = "agent";

    /// <summary>Role reviewer or admin.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Role merchant (with a merchant scope) or admin.</summary>
    public const string Merchant = "merchant";

    /// <summary>Role admin.</summary>
    public const string Admin = "admin";

    /// <summary>Operators of the marketplace: admin or agent.</summary>
    public const string Operator = "operator";
}
