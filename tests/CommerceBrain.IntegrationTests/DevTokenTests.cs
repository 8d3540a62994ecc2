using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests;

public sealed class DevTokenTests
{
    [Fact]
    public async Task In_Development_anyone_gets_a_token_the_silo_accepts()
    {
        await using var silo = await TestSilo.StartAsync(new ServeSettings(Environment: "Development"));

        using var issued = await silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "merchant-user-1", role = "merchant", merchantId = "shop-9" });

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        using var client = silo.ClientWithToken(body.GetProperty("token").GetString()!);
        using var me = await client.GetAsync("/api/me");
        var caller = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("merchant-user-1", caller.GetProperty("subject").GetString());
        Assert.Equal("merchant", caller.GetProperty("role").GetString());
        Assert.Equal("shop-9", caller.GetProperty("merchantId").GetString());
    }

    [Fact]
    public async Task A_faulty_dev_token_request_is_a_400_problem_naming_each_field()
    {
        await using var silo = await TestSilo.StartAsync(new ServeSettings(Environment: "Development"));

        using var faulty = await silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "has spaces", role = "merchant", lifetimeMinutes = 1441 });
        using var notMerchant = await silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "c-1", role = "customer", merchantId = "shop-1" });
        using var unknownRole = await silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "c-1", role = "root" });
        using var malformed = await silo.Client.PostAsync("/api/dev/tokens", new StringContent("{\"subject\":", Encoding.UTF8, "application/json"));

        var errors = (await ProblemAssert.IsProblemAsync(faulty, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["lifetimeMinutes", "merchantId", "subject"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True((await ProblemAssert.IsProblemAsync(notMerchant, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("merchantId", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(unknownRole, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
    }
}
