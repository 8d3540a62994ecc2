namespace CommerceBrain.Identity.Tokens;

/// <summary>What every CommerceBrain bearer token carries and how long it may live.</summary>
public static class BearerTokens
{
    /// <summary>The <c>iss</c> of every token.</summary>
    public const string Issuer = "commercebrain";

    /// <summary>The <c>aud</c> of every token.</summary>
    public const string Audience = "commercebrain";

    /// <summary>The lifetime of a token when none is asked for, in minutes.</summary>
    public const int DefaultLifetimeMinutes = 60;

    /// <summary>The longest lifetime a token may be issued with, in minutes (one day).</summary>
    public const int MaxLifetimeMinutes = 1440;

    /// <summary>The longest subject, in characters.</summary>
    public const int MaxSubjectLength = 128;

    /// <summary>The longest merchant id, in characters.</summary>
    public const int MaxMerchantIdLength = 128;

    /// <summary>The fewest key bytes HMAC-SHA256 is given (its output size; shorter keys weaken it).</summary>
    public const int MinKeyBytes = 32;
}
