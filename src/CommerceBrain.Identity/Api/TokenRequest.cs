namespace CommerceBrain.Identity.Api;

/// <summary>Body of <c>POST /api/dev/tokens</c> and <c>POST /api/identity/tokens</c>.</summary>
/// <param name="Subject">Who the token is for: 1–128 characters of <c>[A-Za-z0-9._:@-]</c> (a customer id, agent id...).</param>
/// <param name="Role">One of customer, agent, reviewer, merchant, admin.</param>
/// <param name="MerchantId">The shop a merchant token acts for; required for role merchant, refused for the others.</param>
/// <param name="LifetimeMinutes">1–1440, default 60.</param>
public sealed record TokenRequest(string? Subject, string? Role, string? MerchantId = null, int? LifetimeMinutes = null);
