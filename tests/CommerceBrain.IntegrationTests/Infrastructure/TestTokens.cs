using CommerceBrain.Identity.Tokens;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// Tokens for silos running as child processes (<see cref="SiloProcess"/>): start them with <see cref="Environment"/> so
/// they share <see cref="SigningKey"/>, then mint tokens here. In-process silos have <see cref="TestSilo.TokenFor"/>.
/// </summary>
public static class TestTokens
{
    /// <summary>A fixed 64-byte test key (base64). Never use it outside tests.</summary>
    public const string SigningKey = "Q29tbWVyY2VCcmFpbiB0ZXN0IHNpZ25pbmcga2V5IC0gbm90IGZvciBwcm9kdWN0aW9uIHVzZSwgdGVzdHMgb25seSE=";

    /// <summary>The environment variable that gives a silo process <see cref="SigningKey"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } =
        new Dictionary<string, string?> { ["CommerceBrain__Identity__SigningKey"] = SigningKey };

    /// <summary>A token signed with <see cref="SigningKey"/>.</summary>
    public static string For(string subject, string role, string? merchantId = null, TimeSpan? lifetime = null, TimeProvider? clock = null) =>
        new TokenIssuer(TokenSigningKey.TryFromBase64(SigningKey, "tests")!, clock ?? TimeProvider.System)
            .Issue(subject, role, merchantId, lifetime).Token;
}
