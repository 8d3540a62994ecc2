using CommerceBrain.Identity.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CommerceBrain.Identity.Tests.Tokens;

public sealed class TokenIssuerTests
{
    private static readonly TokenSigningKey Key = TokenSigningKey.Generate("test");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_issued_token_validates_and_carries_subject_role_and_merchant_scope()
    {
        var issuer = new TokenIssuer(Key, clock);

        var issued = issuer.Issue("merchant-user-7", Roles.Merchant, "shop-42", TimeSpan.FromMinutes(30));
        var user = await issuer.ValidateAsync(issued.Token);

        Assert.NotNull(user);
        Assert.Equal("merchant-user-7", user.SubjectId());
        Assert.Equal(Roles.Merchant, user.RoleName());
        Assert.Equal("shop-42", user.MerchantId());
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), issued.ExpiresAt);
    }

    [Fact]
    public void The_token_says_issuer_audience_algorithm_and_key_id()
    {
        var token = new JsonWebToken(new TokenIssuer(Key, clock).Issue("c-1", Roles.Customer).Token);

        Assert.Equal("HS256", token.Alg);
        Assert.Equal(Key.KeyId, token.Kid);
        Assert.Equal(BearerTokens.Issuer, token.Issuer);
        Assert.Equal([BearerTokens.Audience], token.Audiences);
        Assert.False(token.TryGetClaim(CommerceBrainClaims.MerchantId, out _));
        Assert.Equal(clock.GetUtcNow().AddMinutes(BearerTokens.DefaultLifetimeMinutes).UtcDateTime, token.ValidTo);
    }

    [Fact]
    public async Task A_token_is_refused_once_its_lifetime_has_passed_on_the_validating_clock()
    {
        var issuer = new TokenIssuer(Key, clock);
        var issued = issuer.Issue("c-1", Roles.Customer, lifetime: TimeSpan.FromMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(4));
        var stillValid = await issuer.ValidateAsync(issued.Token);
        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await issuer.ValidateAsync(issued.Token);

        Assert.NotNull(stillValid);
        Assert.Null(expired);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = new TokenIssuer(TokenSigningKey.Generate("other"), clock).Issue("c-1", Roles.Admin).Token;

        Assert.Null(await new TokenIssuer(Key, clock).ValidateAsync(token));
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_is_refused()
    {
        var issuer = new TokenIssuer(Key, clock);
        var parts = issuer.Issue("c-1", Roles.Customer).Token.Split('.');
        var forgedPayload = Base64UrlEncode($"{{\"sub\":\"c-1\",\"role\":\"admin\",\"iss\":\"commercebrain\",\"aud\":\"commercebrain\",\"exp\":{clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}");

        Assert.Null(await issuer.ValidateAsync($"{parts[0]}.{forgedPayload}.{parts[2]}"));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var header = Base64UrlEncode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncode($"{{\"sub\":\"c-1\",\"role\":\"admin\",\"iss\":\"commercebrain\",\"aud\":\"commercebrain\",\"exp\":{clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}");

        Assert.Null(await new TokenIssuer(Key, clock).ValidateAsync($"{header}.{payload}."));
    }

    [Theory]
    [InlineData("", Roles.Customer, null)]
    [InlineData("c-1", "superuser", null)]
    [InlineData("c-1", Roles.Merchant, null)]
    [InlineData("c-1", Roles.Customer, "shop-1")]
    public void The_issuer_refuses_what_the_rules_refuse(string subject, string role, string? merchantId)
    {
        Assert.Throws<ArgumentException>(() => new TokenIssuer(Key, clock).Issue(subject, role, merchantId));
    }

    [Fact]
    public void The_issuer_refuses_a_lifetime_over_one_day()
    {
        Assert.Throws<ArgumentException>(() => new TokenIssuer(Key, clock).Issue("c-1", Roles.Customer, lifetime: TimeSpan.FromDays(2)));
    }

    private static string Base64UrlEncode(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);
}
