using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Identity;
using CommerceBrain.Identity.Tokens;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.IntegrationTests;

public sealed class AuthenticationTests(ProductionSiloFixture fixture) : IClassFixture<ProductionSiloFixture>
{
    private TestSilo Silo => fixture.Silo;

    [Fact]
    public async Task A_valid_token_shows_who_the_caller_is()
    {
        using var client = Silo.ClientAs("merchant-user-7", Roles.Merchant, "shop-42");

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("merchant-user-7", me.GetProperty("subject").GetString());
        Assert.Equal("merchant", me.GetProperty("role").GetString());
        Assert.Equal("shop-42", me.GetProperty("merchantId").GetString());
        Assert.True(me.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_request_without_a_token_is_a_401_problem_asking_for_a_bearer_token()
    {
        using var response = await Silo.Client.GetAsync("/api/me");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("authentication required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_a_401_invalid_token_problem()
    {
        var forged = new TokenIssuer(TokenSigningKey.Generate("attacker"), TimeProvider.System).Issue("c-1", Roles.Admin).Token;
        using var client = Silo.ClientWithToken(forged);

        using var response = await client.GetAsync("/api/me");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("invalid token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.")]
    public async Task A_malformed_or_unsigned_token_is_a_401_invalid_token_problem(string token)
    {
        using var client = Silo.ClientWithToken(token);

        using var response = await client.GetAsync("/api/me");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("invalid token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_problem_that_says_it_expired()
    {
        var twoHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        using var client = Silo.ClientWithToken(Silo.TokenFor("c-1", Roles.Customer, lifetime: TimeSpan.FromMinutes(60), clock: twoHoursAgo));

        using var response = await client.GetAsync("/api/me");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("The token expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_with_the_wrong_role_is_a_403_problem()
    {
        using var client = Silo.ClientAs("c-1", Roles.Customer);

        using var response = await client.PostAsJsonAsync("/api/identity/tokens", new { subject = "agent-1", role = "agent" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'customer'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_issues_a_token_the_silo_then_accepts()
    {
        using var admin = Silo.ClientAs("ops-1", Roles.Admin);

        using var issued = await admin.PostAsJsonAsync("/api/identity/tokens", new { subject = "agent-1", role = "agent", lifetimeMinutes = 5 });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        using var agent = Silo.ClientWithToken(body.GetProperty("token").GetString()!);
        using var me = await agent.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"agent-1\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(3), DateTimeOffset.UtcNow.AddMinutes(6));
    }

    [Fact]
    public async Task The_dev_token_endpoint_does_not_exist_outside_Development()
    {
        using var response = await Silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "c-1", role = "admin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Endpoints_that_need_no_role_still_answer_without_a_token()
    {
        using var response = await Silo.Client.GetAsync("/api/nlu/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_basic_authorization_header_counts_as_no_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        using var response = await Silo.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("authentication required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_on_protected_operations_only()
    {
        using var response = await Silo.Client.GetAsync("/openapi/v1.json");

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/me").GetProperty("get").GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.False(paths.GetProperty("/api/nlu/models").GetProperty("get").TryGetProperty("security", out _));
    }
}
