using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Operations;

/// <summary><c>GET /api/operations/metrics</c> over HTTP against the real silo: who may read it, what 'since' accepts, and that traffic shows up.</summary>
[Collection(OperationsMetricsCollection.Name)]
public sealed class OperationsApiTests(OperationsSilo fixture) : IClassFixture<OperationsSilo>
{
    private const string Path = "/api/operations/metrics";

    private TestSilo Silo => fixture.Silo;

    [Fact]
    public async Task Without_a_token_the_metrics_are_refused_with_401()
    {
        using var response = await Silo.Client.GetAsync(Path);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Agent)]
    public async Task A_token_of_another_role_than_admin_is_refused_with_403(string role)
    {
        using var client = Silo.ClientAs("ops-" + role, role);
        using var response = await client.GetAsync(Path);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("-2000")]
    [InlineData("+3600")]
    public async Task A_since_that_is_not_a_time_in_the_last_fifteen_minutes_is_400(string since)
    {
        // Relative values are turned into absolute ones here: far enough outside the window that the test's clock cannot matter.
        var value = since.StartsWith('+') || since == "-2000"
            ? (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + long.Parse(since, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
            : since;
        using var client = Silo.ClientAs("ops-admin", Roles.Admin);
        using var response = await client.GetAsync($"{Path}?since={Uri.EscapeDataString(value)}");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("since", out _));
    }

    [Fact]
    public async Task An_admin_sees_a_session_the_bot_closed_in_the_series_and_the_silo_with_its_activations()
    {
        using var customer = Silo.ClientAs("ops-c-1", Roles.Customer);
        using var opened = await customer.PostAsJsonAsync("/api/sessions", new { channel = "web" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetString();
        using var closed = await customer.PostAsJsonAsync($"/api/sessions/{sessionId}/close", new { satisfaction = 5 });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());

        using var admin = Silo.ClientAs("ops-admin", Roles.Admin);
        var m = await Eventually.ValueAsync(async () =>
        {
            var body = JsonNode.Parse(await admin.GetStringAsync(Path))!;
            var totals = body["totals"]!;
            return (long)totals["sessionsOpened"]! >= 1 && (long)totals["sessionsClosed"]! >= 1 && body["silos"]!.AsArray().Count > 0 ? body : null;
        }, "the opened and closed session in the operations metrics", TimeSpan.FromSeconds(60));

        var from = (long)m["from"]!;
        var to = (long)m["to"]!;
        Assert.Equal(to - from + 1, m["seconds"]!.AsArray().Count);
        Assert.Equal(1, m["series"]!["sessionsOpened"]!.AsArray().Sum(v => (int)v!));
        Assert.Equal(1.0, (double)m["totals"]!["automationRate"]!);
        var silo = Assert.Single(m["silos"]!.AsArray())!;
        Assert.True((bool)silo["reporting"]!);
        Assert.True((int)silo["activations"]! > 0);
        Assert.NotNull(m["series"]!["httpP99"]!["/api/sessions"]);
        Assert.Equal("/metrics", (string?)m["links"]!["metrics"]);

        // Reading on from a recent second gives just that tail.
        var tail = await admin.GetFromJsonAsync<JsonElement>($"{Path}?since={to - 5}");
        Assert.Equal(tail.GetProperty("to").GetInt64() - (to - 5) + 1, tail.GetProperty("seconds").GetArrayLength());
    }
}
