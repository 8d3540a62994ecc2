namespace CommerceBrain.Identity;

/// <summary>Claim types in CommerceBrain's bearer tokens (short JWT names, not the long WS-* URIs).</summary>
public static class CommerceBrainClaims
{
    /// <summary>The caller's id: a customer id, agent id, merchant user id...</summary>
    public const string Subject = "sub";

    /// <summary>One of <see cref="Roles"/>.</summary>
    public const string Role = "role";

    /// <summary>The merchant a merchant-role token acts for (its shop scope).</summary>
    public const string MerchantId = "merchant_id";
}
