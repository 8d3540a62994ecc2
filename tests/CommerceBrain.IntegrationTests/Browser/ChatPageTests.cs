using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// The chat page end to end in headless Chromium: a silo in Development on SQLite with the demo data and the trained
/// models, the real session API, the real dialogue policy. With <c>COMMERCEBRAIN_SCREENSHOTS=docs/images</c> the tests
/// also save the screenshots used in docs/chat-page.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(Chromium chromium, DemoSiloFixture silo) : IClassFixture<DemoSiloFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions BotTime = new() { Timeout = 60_000 };

    private async Task<PageProbe> OpenAsync(int width = 1280, int height = 800, string locale = "en-US")
    {
        var probe = await PageProbe.OpenAsync(chromium.Browser, width, height, locale);
        await probe.Page.GotoAsync(silo.Url());
        await Expect(probe.Page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(probe.Page.Locator("#app")).ToHaveAttributeAsync("data-customer", DemoSiloFixture.Customer);
        return probe;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var replies = await page.Locator(".row.bot").CountAsync();
        await page.Locator("#input").FillAsync(text);
        await page.Locator("#input").PressAsync("Enter");
        await Expect(page.Locator(".row.customer .bubble").Last).ToHaveTextAsync(text);
        // Answered: a new bot line, or the hand-over banner (the bot is silent once a person is involved).
        // (.First: a hand-over reply brings both at once.)
        await Expect(page.Locator(".row.bot").Nth(replies).Or(page.Locator("#handover-banner:visible")).First).ToBeVisibleAsync(BotTime);
        await Expect(page.Locator(".typing")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    /// <summary>Walks the order-status form: a choice when the bot offers some, otherwise "my last order".</summary>
    private async Task WalkOrderStatusAsync(IPage page, string question, string lastOrder)
    {
        await SendAsync(page, question);
        for (var step = 0; step < 3 && await page.Locator(".row.bot .order-card").CountAsync() == 0; step++)
        {
            var lastReply = page.Locator(".row.bot").Last;
            if (await lastReply.GetAttributeAsync("data-kind") == "answer" && await AnswerNamesAnOrderAsync(lastReply))
            {
                break;
            }

            var choices = page.Locator("#quick-replies .quick-reply");
            if (await choices.CountAsync() > 0)
            {
                var replies = await page.Locator(".row.bot").CountAsync();
                await choices.First.ClickAsync();
                await Expect(page.Locator(".row.bot")).ToHaveCountAsync(replies + 1, new() { Timeout = 60_000 });
            }
            else
            {
                await SendAsync(page, lastOrder);
            }
        }

        var answer = page.Locator(".row.bot").Last;
        var card = page.Locator(".row.bot .order-card").Last;
        Assert.True(await page.Locator(".row.bot .order-card").CountAsync() > 0 || await AnswerNamesAnOrderAsync(answer),
            "The order-status flow ended without an order card or an answer naming one of the customer's orders: "
            + await page.Locator("#messages").InnerTextAsync());
        if (await card.CountAsync() > 0)
        {
            Assert.Contains(await card.GetAttributeAsync("data-order-id") ?? "", silo.CustomerOrderIds);
            await Expect(card.Locator(".badge")).ToBeVisibleAsync();
            await Expect(card.Locator(".order-card-total")).Not.ToBeEmptyAsync();
        }
    }

    private async Task<bool> AnswerNamesAnOrderAsync(ILocator reply)
    {
        var text = await reply.InnerTextAsync();
        return silo.CustomerOrderIds.Any(id => text.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_order_status_form_is_walked_to_an_answer_about_the_customers_order()
    {
        await using var probe = await OpenAsync();
        var page = probe.Page;
        await WalkOrderStatusAsync(page, "where is my order", "my last order");
        await probe.ScreenshotAsync("chat-desktop");

        // The session is the customer's and survives a reload.
        var lines = await page.Locator(".row.customer, .row.bot").CountAsync();
        await page.ReloadAsync();
        await Expect(page.Locator(".notice", new() { HasText = "Conversation resumed" })).ToBeVisibleAsync(BotTime);
        Assert.Equal(lines - 1, await page.Locator(".row.customer, .row.bot").CountAsync()); // less the local welcome
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Asking_for_a_human_shows_the_waiting_for_agent_banner()
    {
        await using var probe = await OpenAsync();
        var page = probe.Page;
        await SendAsync(page, "I want to talk to a human");
        await Expect(page.Locator("#handover-banner")).ToBeVisibleAsync(BotTime);
        await Expect(page.Locator("#handover-banner")).ToContainTextAsync("Waiting for an agent");
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-status", "waiting_for_agent");
        await Expect(page.Locator("#input")).ToBeEnabledAsync();
        await probe.ScreenshotAsync("chat-handover");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task An_agents_reply_reaches_the_page_live_over_the_websocket_and_after_a_dropped_socket()
    {
        await using var probe = await PageProbe.OpenAsync(chromium.Browser, 1280, 800, "en-US");
        var page = probe.Page;
        // Test instrumentation only: keep the page's sockets reachable so the test can drop one.
        await page.AddInitScriptAsync("(() => { const Native = window.WebSocket; window.__sockets = []; " +
            "window.WebSocket = class extends Native { constructor(...a) { super(...a); window.__sockets.push(this); } }; })()");
        await page.GotoAsync(silo.Url());
        await Expect(page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await SendAsync(page, "I want to talk to a human");
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-live", "socket", new() { Timeout = 30_000 });
        var sessionId = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('commercebrain.session')).sessionId");
        var agentToken = silo.Silo.TokenFor("a-1", "agent");

        await AgentOnlineAsync(agentToken);
        await AgentPostAsync(agentToken, $"/api/sessions/{sessionId}/attach", new { displayName = "Ann" });
        await AgentPostAsync(agentToken, $"/api/sessions/{sessionId}/agent-messages", new { text = "Hi, Ann here. Looking now.", clientMessageId = "a-m1" });

        // Live, not polled: the page's 4 s poll is off while the socket is open.
        await Expect(page.Locator(".row.agent .bubble")).ToHaveTextAsync("Hi, Ann here. Looking now.", new() { Timeout = 30_000 });
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-status", "with_agent");
        await Expect(page.Locator("#status-text")).ToContainTextAsync("Ann");

        // The page reconnects after its last event id: the next message shows once, the earlier one is not repeated.
        await page.EvaluateAsync("() => window.__sockets.at(-1).close(4000, 'test: network dropped')");
        await page.WaitForFunctionAsync("() => window.__sockets.length === 2 && window.__sockets[1].readyState === 1",
            null, new() { Timeout = 30_000 });
        await AgentPostAsync(agentToken, $"/api/sessions/{sessionId}/agent-messages", new { text = "Found it.", clientMessageId = "a-m2" });
        await Expect(page.Locator(".row.agent .bubble")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        Assert.Equal(["Hi, Ann here. Looking now.", "Found it."], await page.Locator(".row.agent .bubble").AllInnerTextsAsync());
        probe.AssertNoErrors();
    }

    /// <summary>
    /// Puts the agent online when the agents module is composed (its admission refuses offline agents); without that
    /// module the endpoint does not exist and every agent may attach.
    /// </summary>
    private async Task AgentOnlineAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/agents/me/presence")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { status = "online", groups = new[] { "pre-sales", "after-sales", "disputes", "merchant-support" }, capacity = 5 }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await silo.Silo.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound,
            $"PUT /api/agents/me/presence: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task AgentPostAsync(string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await silo.Silo.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Asking_for_a_human_in_chinese_shows_the_waiting_banner_in_chinese()
    {
        await using var probe = await OpenAsync(locale: "zh-CN");
        var page = probe.Page;
        await SendAsync(page, "我要转人工客服");
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-status", "waiting_for_agent", new() { Timeout = 60_000 });
        await Expect(page.Locator("#handover-banner")).ToContainTextAsync("人工客服");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task On_a_phone_the_order_status_flow_fits_without_horizontal_scrolling()
    {
        await using var probe = await OpenAsync(360, 640);
        var page = probe.Page;
        await WalkOrderStatusAsync(page, "where is my order", "my last order");
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.getElementById('messages').scrollWidth, document.getElementById('messages').clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} > {widths[1]} px.");
        Assert.True(widths[2] <= widths[3], $"The conversation scrolls sideways: {widths[2]} > {widths[3]} px.");
        await probe.ScreenshotAsync("chat-phone");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Ending_the_chat_stores_the_rating_on_the_session()
    {
        await using var probe = await OpenAsync();
        var page = probe.Page;
        await SendAsync(page, "how long does delivery take");
        var sessionId = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('commercebrain.session')).sessionId");

        await page.Locator("#close-button").ClickAsync();
        await page.Locator("label[for=star-5]").ClickAsync();
        await page.Locator("#close-comment").FillAsync("Fast answer");
        await page.Locator("#close-submit").ClickAsync();
        await Expect(page.Locator("#restart-button")).ToBeVisibleAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}");
        request.Headers.Authorization = new("Bearer", await silo.CustomerTokenAsync());
        using var response = await silo.Silo.Client.SendAsync(request);
        var session = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("closed", (string?)session["status"]);
        Assert.Equal(5, (int?)session["satisfaction"]);
        Assert.Equal("Fast answer", (string?)session["comment"]);
        probe.AssertNoErrors();
    }
}
