using System.Security.Claims;

namespace CommerceBrain.Identity;

/// <summary>Reads CommerceBrain's claims from an authenticated caller.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's subject id; null when unauthenticated.</summary>
    public static string? SubjectId(this ClaimsPrincipal user) =>
        user.FindFirst(CommerceBrainClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The caller's role (one of <see cref="Roles"/>); null when unauthenticated.</summary>
    public static string? RoleName(this ClaimsPrincipal user) =>
        user.FindFirst(CommerceBrainClaims.Role)?.Value ?? user.FindFirst(ClaimTypes.Role)?.Value;

    /// <summary>The merchant scope of a merchant-role caller; null otherwise.</summary>
    public static string? MerchantId(this ClaimsPrincipal user) => user.FindFirst(CommerceBrainClaims.MerchantId)?.Value;

    /// <summary>True when the caller has <paramref name="role"/>.</summary>
    public static bool HasRole(this ClaimsPrincipal user, string role) => string.Equals(user.RoleName(), role, StringComparison.Ordinal);
}
