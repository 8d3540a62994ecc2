using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// The operations page (<c>/operations</c>) in headless Chromium on a Development silo: the admin signs in with a demo
/// token, traffic driven over the API shows up in the live charts, and the silo table lists the silo. With
/// <c>COMMERCEBRAIN_SCREENSHOTS</c> the test saves the screenshot used in docs/operations.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsPageTests(Chromium chromium, OperationsPageTests.Fixture silo) : IClassFixture<OperationsPageTests.Fixture>
{
    [Fact]
    public async Task An_admin_sees_new_sessions_in_the_live_chart_and_the_silo_with_its_activations()
    {
        await using var probe = await PageProbe.OpenAsync(chromium.Browser, 1440, 1000);
        var page = probe.Page;
        await page.GotoAsync(silo.Url("/operations"));
        await Expect(page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#admin-name")).ToHaveTextAsync("admin-1");

        // Traffic: customers open sessions and ask something; one asks for a person (the queue), one leaves happy.
        var customer = silo.Silo.TokenFor("c-ops-1", "customer");
        string[] questions = ["Where is my order?", "How do I return an item?", "I want to talk to a human"];
        var sessions = new List<string>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var sessionId = (await SendAsync("/api/sessions", customer, new { channel = "web" })).GetProperty("sessionId").GetString()!;
            await SendAsync($"/api/sessions/{sessionId}/messages", customer, new { text = question, clientMessageId = $"ops-{i}" });
            sessions.Add(sessionId);
        }

        await SendAsync($"/api/sessions/{sessions[0]}/close", customer, new { satisfaction = 5 });

        // The page refreshes every 2 s; the silo pushes its finished seconds every 2 s.
        await page.WaitForFunctionAsync("() => Number(document.getElementById('chart-sessions')?.dataset.max) > 0", null,
            new() { Timeout = 60_000, PollingInterval = 250 });
        await Expect(page.Locator("#chart-sessions path[data-series=opened], #chart-sessions circle")).Not.ToHaveCountAsync(0);
        var row = page.Locator("#silos-body tr");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(row.Locator("td[data-field=activations]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Expect(row).ToContainTextAsync("reporting");
        await Expect(page.Locator("#dashboard-link")).ToBeVisibleAsync();
        await Expect(page.Locator("#metrics-link")).ToHaveAttributeAsync("href", "/metrics");
        await Expect(page.Locator(".tile[data-field=opened] .value")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        // The session that asked for a person waits in a queue (sampled from the queue grains); the closed one was the bot's alone.
        await Expect(page.Locator(".tile[data-field=queue] .value")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile[data-field=automation] .value")).ToHaveTextAsync("100.0 %", new() { Timeout = 30_000 });
        await Expect(page.Locator("#chart-queue")).ToHaveAttributeAsync("data-max", "1");

        // The customer who waited for a person gives up: half of the closed sessions had a person, and the queue empties.
        await SendAsync($"/api/sessions/{sessions[2]}/close", customer, new { satisfaction = 2 });
        await Expect(page.Locator(".tile[data-field=automation] .value")).ToHaveTextAsync("50.0 %", new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile[data-field=queue] .value")).ToHaveTextAsync("0", new() { Timeout = 30_000 });

        // A shorter window draws the same data over fewer seconds.
        await page.Locator("#window-select").SelectOptionAsync("60");
        await Expect(page.Locator("#chart-sessions")).ToHaveAttributeAsync("data-max", new System.Text.RegularExpressions.Regex("^[1-9]"));
        // The latency chart has the sessions API among its route groups.
        await Expect(page.Locator("#chart-latency path[data-series='/api/sessions'], #chart-latency .legend")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#chart-latency .legend")).ToContainTextAsync("/api/sessions");
        await probe.ScreenshotAsync("operations");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Outside_development_without_a_token_the_page_says_it_needs_an_admin_token()
    {
        await using var probe = await PageProbe.OpenAsync(chromium.Browser);
        var devTokenCalls = 0;
        await probe.Page.RouteAsync("**/api/chat/config", route => route.FulfillAsync(new() { ContentType = "application/json", Body = """{"development":false}""" }));
        probe.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/dev/tokens", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref devTokenCalls);
            }
        };
        await probe.Page.GotoAsync(silo.Url("/operations"));

        await Expect(probe.Page.Locator("#signin-note")).ToContainTextAsync("#token=");
        await Expect(probe.Page.Locator("#identity-bar")).ToBeHiddenAsync();
        Assert.Equal(0, devTokenCalls);
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_token_in_the_address_is_refused_and_the_page_says_it_needs_an_admin()
    {
        await using var probe = await PageProbe.OpenAsync(chromium.Browser);
        await probe.Page.RouteAsync("**/api/chat/config", route => route.FulfillAsync(new() { ContentType = "application/json", Body = """{"development":false}""" }));
        await probe.Page.GotoAsync(silo.Url("/operations#token=" + silo.Silo.TokenFor("c-ops-2", "customer")));

        await Expect(probe.Page.Locator("#signin-note")).ToContainTextAsync("needs an admin token");
        await Expect(probe.Page.Locator("#silos-body tr")).ToHaveCountAsync(0);
        // The refused call is the browser's own console error (403); nothing else may fail.
        probe.AssertNoErrors("403");
    }

    private async Task<JsonElement> SendAsync(string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await silo.Silo.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A Development silo (demo tokens, the dashboard on) on a loopback port, with the NLU models, without the demo data.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestSilo Silo { get; private set; } = null!;

        public string Url(string pathAndQuery) => new Uri(Silo.Address!, pathAndQuery).ToString();

        public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(new ServeSettings(Environment: "Development"), listenOnLoopback: true);

        public async Task DisposeAsync() => await Silo.DisposeAsync();
    }
}
