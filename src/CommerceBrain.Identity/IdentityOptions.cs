namespace CommerceBrain.Identity;

/// <summary>Bearer token settings, bound from <c>CommerceBrain:Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:Identity";

    /// <summary>The configuration key of <see cref="SigningKey"/>.</summary>
    public const string SigningKeySetting = Section + ":SigningKey";

    /// <summary>
    /// The HMAC-SHA256 key that signs and checks tokens, base64, at least 32 bytes. Empty: a key is generated on first
    /// start and kept in <c>&lt;DataDirectory&gt;/identity/signing-key</c>. Silos of one cluster must share a configured key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How far a token's expiry and not-before times may be off between the issuer's clock and ours.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
