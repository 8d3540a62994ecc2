namespace CommerceBrain.Identity;

/// <summary>The roles a bearer token may carry (claim <see cref="CommerceBrainClaims.Role"/>).</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Reviewer = "reviewer";
    public const string Merchant = "merchant";
    public const string Admin = "admin";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Customer, Agent, Reviewer, Merchant, Admin];
}
