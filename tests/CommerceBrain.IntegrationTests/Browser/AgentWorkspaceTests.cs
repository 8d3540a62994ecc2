using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// The agent workspace (<c>/agent</c>) and the supervisor view end to end in headless Chromium, next to the customer
/// chat page, on a Development silo with the demo data and the trained models. With <c>COMMERCEBRAIN_SCREENSHOTS</c> the
/// tests save the screenshots used in docs/agent-workspace.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentWorkspaceTests(Chromium chromium, DemoSiloFixture silo) : IClassFixture<DemoSiloFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };

    // Test instrumentation only: keep the page's sockets reachable, and while window.__offline is set make every new
    // socket fail to connect (a port nothing listens on), as a dropped network would.
    private const string SocketHook = "(() => { const Native = window.WebSocket; window.__sockets = []; window.__offline = false; " +
        "window.WebSocket = class extends Native { constructor(url, ...rest) { super(window.__offline ? 'ws://127.0.0.1:9/' : url, ...rest); window.__sockets.push(this); } }; })()";

    // A dropped network shows as failed socket connections; assist is built separately and may answer 404 until merged.
    private static readonly string[] ExpectedPageErrors = ["ws://127.0.0.1:9/", "/assist", "/agent-drafts"];

    // The demo agents these tests sign in as.
    private static readonly string[] Agents = ["a-00001", "a-00002"];

    [Fact]
    public async Task An_agent_picks_a_waiting_customer_replies_live_and_a_dropped_socket_loses_or_doubles_nothing()
    {
        await OthersStepAwayAsync("a-00001");

        // The customer asks for a person.
        await using var customer = await PageProbe.OpenAsync(chromium.Browser);
        var chat = customer.Page;
        await chat.GotoAsync(silo.Url());
        await Expect(chat.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await CustomerSaysAsync(chat, "I want to talk to a human");
        await Expect(chat.Locator("#app")).ToHaveAttributeAsync("data-status", "waiting_for_agent", new() { Timeout = 60_000 });
        var sessionId = await chat.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('commercebrain.session')).sessionId");

        // The agent signs in (demo agent in Development), goes online and sees the session in the queue.
        await using var agent = await PageProbe.OpenAsync(chromium.Browser, 1440, 900);
        var desk = agent.Page;
        await desk.AddInitScriptAsync(SocketHook);
        await desk.GotoAsync(silo.Url("/agent"));
        await Expect(desk.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(desk.Locator("#app")).ToHaveAttributeAsync("data-agent", "a-00001");
        await desk.Locator("#display-name-input").FillAsync("Ann");
        await desk.Locator("#presence-status").SelectOptionAsync("online");
        var presence = await desk.RunAndWaitForResponseAsync(() => desk.Locator("#presence-apply").ClickAsync(),
            response => response.Url.EndsWith("/api/agents/me/presence", StringComparison.Ordinal));
        Assert.True(presence.Ok, $"PUT /api/agents/me/presence: {presence.Status} {await presence.TextAsync()}");
        await Expect(desk.Locator("#app")).ToHaveAttributeAsync("data-presence", "online");
        var item = desk.Locator($".queue-item[data-session-id='{sessionId}']");
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(item.Locator(".qi-summary")).Not.ToBeEmptyAsync();
        await agent.ScreenshotAsync("agent-queue");

        // Picks it: the tab opens with the hand-over packet's summary in the context panel.
        await item.Locator("button.pick").ClickAsync();
        var panel = desk.Locator($"#panel-{sessionId}");
        await Expect(panel).ToBeVisibleAsync();
        var packet = await PacketAsync(sessionId);
        await Expect(panel.Locator(".packet [data-field=summary]")).ToHaveTextAsync((string)packet["summary"]!);
        await Expect(panel.Locator(".packet [data-field=reason]")).ToHaveTextAsync((string)packet["reason"]!);
        await Expect(panel.Locator(".transcript .line.customer", new() { HasText = "I want to talk to a human" })).ToHaveCountAsync(1);
        await Expect(panel).ToHaveAttributeAsync("data-live", "socket", new() { Timeout = 30_000 });

        // Replies; the customer sees it live.
        await panel.Locator(".composer-input").FillAsync("Hi, Ann here. Let me look at this.");
        await panel.Locator(".composer-input").PressAsync("Enter");
        await Expect(chat.Locator(".row.agent .bubble")).ToHaveTextAsync("Hi, Ann here. Let me look at this.", new() { Timeout = 30_000 });
        await Expect(chat.Locator("#app")).ToHaveAttributeAsync("data-status", "with_agent");
        await Expect(panel.Locator(".transcript .line.agent:not(.pending)")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await CustomerSaysAsync(chat, "It is about my refund");
        await Expect(panel.Locator(".transcript .line.customer", new() { HasText = "It is about my refund" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await agent.ScreenshotAsync("agent-workspace");

        // The agent's network drops; the customer writes twice meanwhile.
        await desk.EvaluateAsync("() => { window.__offline = true; window.__sockets.at(-1).close(4000, 'test: network dropped'); }");
        await Expect(panel).Not.ToHaveAttributeAsync("data-live", "socket", new() { Timeout = 30_000 });
        await CustomerSaysAsync(chat, "Are you still there?");
        await CustomerSaysAsync(chat, "The order arrived broken");
        Assert.Equal(0, await panel.Locator(".transcript .line.customer", new() { HasText = "The order arrived broken" }).CountAsync());

        // Back online: the page resumes after its last event id; each message shows exactly once, nothing earlier twice.
        await desk.EvaluateAsync("() => { window.__offline = false; }");
        await Expect(panel).ToHaveAttributeAsync("data-live", "socket", new() { Timeout = 30_000 });
        await Expect(panel.Locator(".transcript .line.customer", new() { HasText = "The order arrived broken" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Equal(
            ["I want to talk to a human", "It is about my refund", "Are you still there?", "The order arrived broken"],
            await panel.Locator(".transcript .line.customer .text").AllInnerTextsAsync());
        Assert.Equal(["Hi, Ann here. Let me look at this."], await panel.Locator(".transcript .line.agent .text").AllInnerTextsAsync());
        var seqs = await panel.Locator(".transcript .line").EvaluateAllAsync<string[]>("lines => lines.map(l => l.dataset.seq)");
        Assert.Equal(seqs.Length, seqs.Distinct().Count());

        // And the conversation goes on live after the reconnect.
        await panel.Locator(".composer-input").FillAsync("Sorry to hear that. I will start a refund.");
        await panel.Locator(".composer-input").PressAsync("Enter");
        await Expect(chat.Locator(".row.agent .bubble")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        Assert.Equal(["Hi, Ann here. Let me look at this.", "Sorry to hear that. I will start a refund."],
            await chat.Locator(".row.agent .bubble").AllInnerTextsAsync());
        await Expect(panel.Locator(".transcript .line.agent")).ToHaveCountAsync(2);

        customer.AssertNoErrors();
        agent.AssertNoErrors(ExpectedPageErrors);
    }

    [Fact]
    public async Task The_supervisor_view_shows_the_queue_length_of_each_group()
    {
        // A customer waits for a person (nobody is online for them).
        var customerToken = silo.Silo.TokenFor("c-00003", "customer");
        var opened = await SendAsync(HttpMethod.Post, "/api/sessions", customerToken, new { channel = "web" });
        var sessionId = (string)opened["sessionId"]!;
        var asked = await SendAsync(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", customerToken,
            new { text = "I want to talk to a human", clientMessageId = "s-1" });
        Assert.Equal("waiting_for_agent", (string?)asked["status"]);

        await using var probe = await PageProbe.OpenAsync(chromium.Browser, 1280, 800);
        var page = probe.Page;
        await page.GotoAsync(silo.Url("/agent/supervisor"));
        await Expect(page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });

        // The page shows what GET /api/agents/supervisor says (read in a loop: a queue may change between the two reads).
        var adminToken = silo.Silo.TokenFor("admin-1", "admin");
        await Infrastructure.Eventually.UntilAsync(async () =>
        {
            var view = await SendAsync(HttpMethod.Get, "/api/agents/supervisor", adminToken);
            var lengths = view["queues"]!.AsArray().ToDictionary(q => (string)q!["group"]!, q => (int)q!["length"]!);
            if (lengths.Values.Sum() < 1)
            {
                return false;
            }

            foreach (var (group, length) in lengths)
            {
                var shown = await page.Locator($"#queues-body tr[data-group='{group}'] [data-field=length]").TextContentAsync(new() { Timeout = 5_000 });
                if (shown != length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    return false;
                }
            }

            return true;
        }, "the supervisor view showing each group's queue length", TimeSpan.FromSeconds(60));
        await probe.ScreenshotAsync("agent-supervisor");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Assist_suggestions_fill_the_composer_and_warnings_show_before_and_after_sending()
    {
        await OthersStepAwayAsync("a-00002");

        // Signed in from the address, as an operator console would open the page; the token leaves the address bar.
        await using var agent = await PageProbe.OpenAsync(chromium.Browser, 1440, 900);
        var desk = agent.Page;
        var orderId = silo.CustomerOrderIds[0];
        // Assist is built separately: these answers are scripted in the browser, in the documented shapes.
        await desk.RouteAsync("**/api/sessions/*/assist", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = $$"""{"forEventId":2,"suggestions":[{"text":"Your parcel is on its way and should arrive tomorrow.","source":"faq","score":0.91}],"actions":[{"kind":"lookup_order","orderId":"{{orderId}}","label":"Look up the order"}],"phrasing":["Thank the customer for waiting."]}""",
        }));
        await desk.RouteAsync("**/api/sessions/*/agent-drafts", async route =>
        {
            var rude = route.Request.PostData?.Contains("stupid", StringComparison.Ordinal) == true;
            await route.FulfillAsync(new()
            {
                ContentType = "application/json",
                Body = rude ? """{"warnings":[{"code":"rude","message":"This sounds rude to the customer.","severity":"high"}]}""" : """{"warnings":[]}""",
            });
        });
        // The stored message comes from the real server; the warning it carries is added here (no reviewer on this silo).
        await desk.RouteAsync("**/api/sessions/*/agent-messages", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["warnings"] = JsonNode.Parse("""[{"code":"promise","message":"Delivery dates are not guaranteed.","severity":"low"}]""");
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        var token = silo.Silo.TokenFor("a-00002", "agent");
        await desk.GotoAsync(silo.Url("/agent#token=" + token));
        await Expect(desk.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(desk.Locator("#app")).ToHaveAttributeAsync("data-agent", "a-00002");
        Assert.DoesNotContain("token", desk.Url, StringComparison.Ordinal);
        await desk.Locator("#presence-status").SelectOptionAsync("online");
        await desk.Locator("#presence-apply").ClickAsync();
        await Expect(desk.Locator("#app")).ToHaveAttributeAsync("data-presence", "online");

        var customerToken = silo.Silo.TokenFor("c-00004", "customer");
        var sessionId = (string)(await SendAsync(HttpMethod.Post, "/api/sessions", customerToken, new { channel = "web" }))["sessionId"]!;
        await SendAsync(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", customerToken, new { text = "I want to talk to a human", clientMessageId = "w-1" });
        var item = desk.Locator($".queue-item[data-session-id='{sessionId}']");
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await item.Locator("button.pick").ClickAsync();
        var panel = desk.Locator($"#panel-{sessionId}");

        // One click puts a suggestion into the composer; an action opens the order in the context panel.
        await panel.Locator(".suggestion").ClickAsync();
        await Expect(panel.Locator(".composer-input")).ToHaveValueAsync("Your parcel is on its way and should arrive tomorrow.");
        await panel.Locator(".assist button[data-kind=lookup_order]").ClickAsync();
        await Expect(panel.Locator($".order[data-order-id='{orderId}'] [data-field=order-status]")).Not.ToBeEmptyAsync();

        // A rude draft is flagged while typing, before anything is sent.
        await panel.Locator(".composer-input").FillAsync("That is a stupid question");
        await Expect(panel.Locator(".warning-banner")).ToContainTextAsync("This sounds rude to the customer.");
        await Expect(panel.Locator(".transcript .line.agent")).ToHaveCountAsync(0);
        await panel.Locator(".composer-input").FillAsync("Your parcel is on its way and should arrive tomorrow.");
        await Expect(panel.Locator(".warning-banner")).ToBeHiddenAsync();
        await agent.ScreenshotAsync("agent-assist");

        // The warnings of the stored message stay in the banner after sending.
        await panel.Locator(".composer-input").PressAsync("Enter");
        await Expect(panel.Locator(".warning-banner")).ToContainTextAsync("Delivery dates are not guaranteed.");
        await Expect(panel.Locator(".transcript .line.agent:not(.pending)")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        // A reload re-opens the held session with its transcript (the token stays in this tab).
        await desk.ReloadAsync();
        await Expect(desk.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(panel.Locator(".transcript .line.agent")).ToHaveCountAsync(1);
        await Expect(panel).ToHaveAttributeAsync("data-live", "socket", new() { Timeout = 30_000 });

        // Resolving closes the session with the code and its tab.
        await panel.Locator("button[data-action=resolve]").ClickAsync();
        await panel.Locator("form[aria-label=Resolve] input[name=code]").FillAsync("delivery_explained");
        await panel.Locator("form[aria-label=Resolve] button[type=submit]").ClickAsync();
        await Expect(desk.Locator($"#tab-{sessionId}")).ToHaveCountAsync(0);
        Assert.Equal("closed", (string?)(await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", customerToken))["status"]);
        agent.AssertNoErrors();
    }

    /// <summary>
    /// Only <paramref name="agentId"/> may be offered the next session: the tests' other agents step away (a session
    /// assigned to one of them would not be in this agent's queue; their attached sessions stay with them).
    /// </summary>
    private async Task OthersStepAwayAsync(string agentId)
    {
        foreach (var other in Agents.Where(a => a != agentId))
        {
            await SendAsync(HttpMethod.Put, "/api/agents/me/presence", silo.Silo.TokenFor(other, "agent"), new { status = "away" });
        }
    }

    private static async Task CustomerSaysAsync(IPage page, string text)
    {
        var before = await page.Locator(".row.customer .bubble", new() { HasText = text }).CountAsync();
        await page.Locator("#input").FillAsync(text);
        await page.Locator("#input").PressAsync("Enter");
        await Expect(page.Locator(".row.customer .bubble", new() { HasText = text })).ToHaveCountAsync(before + 1);
        // Delivered: the bubble is no longer pending (or the bot answered / the banner shows).
        await Expect(page.Locator(".typing")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Expect(page.Locator(".row.customer.pending, .row.customer .pending")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    private async Task<JsonNode> PacketAsync(string sessionId)
    {
        var session = await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", silo.Silo.TokenFor("admin-1", "admin"));
        return session["handoff"] ?? throw new InvalidOperationException($"Session {sessionId} has no handoff packet: {session}");
    }

    /// <summary>One call to the silo over its loopback port (a Kestrel silo: no in-memory test client).</summary>
    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await silo.Silo.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
