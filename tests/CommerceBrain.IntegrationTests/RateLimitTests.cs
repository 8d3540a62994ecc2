using System.Net;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class RateLimitTests
{
    // One request a second with bursts of two: a burst of requests from one client runs out within a few of them.
    private static readonly Dictionary<string, string?> TightLimits = new()
    {
        ["CommerceBrain:RateLimits:Enabled"] = "true",
        ["CommerceBrain:RateLimits:PermitsPerSecond"] = "1",
        ["CommerceBrain:RateLimits:Burst"] = "2",
    };

    [Fact]
    public async Task A_client_over_its_rate_gets_a_429_problem_with_retry_after_while_other_clients_are_served()
    {
        await using var silo = await TestSilo.StartAsync(configuration: TightLimits);
        using var busy = silo.ClientAs("busy-customer", Roles.Customer);
        using var quiet = silo.ClientAs("quiet-customer", Roles.Customer);

        var refused = await FirstRefusalAsync(busy, "/api/me");
        using var other = await quiet.GetAsync("/api/me");

        Assert.NotNull(refused);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        refused.Dispose();
    }

    [Fact]
    public async Task Health_and_metrics_are_never_limited()
    {
        await using var silo = await TestSilo.StartAsync(configuration: TightLimits);

        for (var i = 0; i < 20; i++)
        {
            using var live = await silo.Client.GetAsync("/health/live");
            using var metrics = await silo.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_api_calls_are_limited_by_address()
    {
        await using var silo = await TestSilo.StartAsync(configuration: TightLimits);

        var refused = await FirstRefusalAsync(silo.Client, "/api/nlu/models");

        Assert.NotNull(refused);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        refused.Dispose();
    }

    [Fact]
    public async Task With_limits_off_a_burst_is_all_served()
    {
        await using var silo = await TestSilo.StartAsync(configuration: new Dictionary<string, string?>(TightLimits) { ["CommerceBrain:RateLimits:Enabled"] = "false" });
        using var client = silo.ClientAs("c-1", Roles.Customer);

        Assert.Null(await FirstRefusalAsync(client, "/api/me", attempts: 20));
    }

    // Bounded by count, not time: at one refill a second, 50 quick requests cannot all fit a bucket of two.
    private static async Task<HttpResponseMessage?> FirstRefusalAsync(HttpClient client, string path, int attempts = 50)
    {
        for (var i = 0; i < attempts; i++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        return null;
    }
}
