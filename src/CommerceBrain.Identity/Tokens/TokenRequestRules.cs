using System.Buffers;

namespace CommerceBrain.Identity.Tokens;

/// <summary>
/// What a token may say: a subject of 1–128 characters from <c>[A-Za-z0-9._:@-]</c>, a role from <see cref="Roles"/>, a
/// merchant id exactly when the role is merchant, and a lifetime of 1–1440 minutes. Shared by the issuer and the API.
/// </summary>
public static class TokenRequestRules
{
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:@-");

    /// <summary>The faults of a request, keyed by field name (camelCase, as in the API); empty when it is valid.</summary>
    public static Dictionary<string, string[]> Check(string? subject, string? role, string? merchantId, int? lifetimeMinutes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!IsId(subject, BearerTokens.MaxSubjectLength))
        {
            errors["subject"] = [$"'subject' must be 1 to {BearerTokens.MaxSubjectLength} characters of A-Z, a-z, 0-9, '.', '_', ':', '@' and '-'."];
        }

        if (role is null || !Roles.All.Contains(role, StringComparer.Ordinal))
        {
            errors["role"] = [$"'role' must be one of: {string.Join(", ", Roles.All)}."];
        }
        else if (role == Roles.Merchant && merchantId is null)
        {
            errors["merchantId"] = ["'merchantId' is required for role merchant: it is the shop the token acts for."];
        }
        else if (role != Roles.Merchant && merchantId is not null)
        {
            errors["merchantId"] = ["'merchantId' is only for role merchant."];
        }

        if (merchantId is not null && !errors.ContainsKey("merchantId") && !IsId(merchantId, BearerTokens.MaxMerchantIdLength))
        {
            errors["merchantId"] = [$"'merchantId' must be 1 to {BearerTokens.MaxMerchantIdLength} characters of A-Z, a-z, 0-9, '.', '_', ':', '@' and '-'."];
        }

        if (lifetimeMinutes is < 1 or > BearerTokens.MaxLifetimeMinutes)
        {
            errors["lifetimeMinutes"] = [$"'lifetimeMinutes' must be between 1 and {BearerTokens.MaxLifetimeMinutes} (default {BearerTokens.DefaultLifetimeMinutes})."];
        }

        return errors;
    }

    private static bool IsId(string? value, int maxLength) =>
        value is { Length: > 0 } && value.Length <= maxLength && !value.AsSpan().ContainsAnyExcept(IdCharacters);
}
