using System.Text.Json.Nodes;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// The chat page's behaviour in headless Chromium, served by a real silo, against a scripted API
/// (<see cref="ScriptedChatApi"/>): what the page does with each kind of answer and failure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatWidgetTests(Chromium chromium, PageSiloFixture silo) : IClassFixture<PageSiloFixture>
{
    private static readonly object ShippedCard = new
    {
        orderId = "2024110112345", merchantName = "Sunny Phone Accessories", status = "shipped", title = "Silicone phone case",
        itemCount = 2, totalMinor = 19900, currency = "CNY", latestTracking = "Arrived at Hangzhou sorting centre",
        placedAt = "2026-11-11T08:00:00Z",
    };

    private async Task<(PageProbe Probe, ScriptedChatApi Api)> OpenAsync(ScriptedChatApi? api = null, string path = "/",
        int width = 1280, int height = 800, string locale = "en-US")
    {
        api ??= new ScriptedChatApi();
        var probe = await PageProbe.OpenAsync(chromium.Browser, width, height, locale);
        await api.AttachAsync(probe.Page);
        await probe.Page.GotoAsync(silo.Url(path));
        return (probe, api);
    }

    private static async Task WaitReadyAsync(IPage page) =>
        await Expect(page.Locator("#app[data-ready=true]")).ToBeAttachedAsync();

    private static async Task TypeAndSendAsync(IPage page, string text)
    {
        await page.Locator("#input").FillAsync(text);
        await page.Locator("#input").PressAsync("Enter");
    }

    [Fact]
    public async Task The_silo_serves_the_page_at_the_root_with_its_modules_as_javascript()
    {
        var page = await silo.Silo.Client.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("js/main.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var script = await silo.Silo.Client.GetAsync("/js/chat.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var config = JsonNode.Parse(await silo.Silo.Client.GetStringAsync("/api/chat/config"))!;
        Assert.True((bool)config["development"]!);
    }

    [Fact]
    public async Task A_demo_customer_is_signed_in_and_the_welcome_offers_quick_replies()
    {
        var (probe, api) = await OpenAsync();
        await using var _ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await Expect(page.Locator("#identity-bar")).ToBeVisibleAsync();
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-customer", "c-00001");
        await Expect(page.Locator(".row.bot .bubble").First).ToContainTextAsync("track orders");
        await Expect(page.Locator("#quick-replies .quick-reply")).ToHaveCountAsync(4);
        await Expect(page.Locator("#close-button")).ToBeDisabledAsync();
        Assert.Equal(0, api.SessionsOpened); // a session opens with the first message, not on every page view
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task A_clarifying_choice_sends_its_value_and_the_answer_shows_an_order_card()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Reply(new
        {
            text = "Which order do you mean?", kind = "clarify", intent = "order_status", confidence = 0.71,
            choices = new[] { new { label = "Silicone phone case (11 Nov)", value = "2024110112345" }, new { label = "USB cable", value = "2024110254321" } },
        }));
        api.Answers.Enqueue(ScriptedAnswer.Reply(new
        {
            text = "Your order 2024110112345 has shipped.", kind = "answer", intent = "order_status", confidence = 0.95, cards = new[] { ShippedCard },
        }));
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "where is my order");
        await Expect(page.Locator(".row.customer .bubble").Last).ToHaveTextAsync("where is my order");
        var choice = page.Locator("#quick-replies .quick-reply", new() { HasText = "Silicone phone case" });
        await Expect(choice).ToBeVisibleAsync();
        await choice.ClickAsync();

        var card = page.Locator(".row.bot .order-card").Last;
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Silicone phone case");
        await Expect(card).ToContainTextAsync("Sunny Phone Accessories");
        await Expect(card.Locator(".badge")).ToHaveTextAsync("shipped");
        await Expect(card).ToContainTextAsync("199.00"); // 19900 minor units of CNY
        await Expect(card).ToContainTextAsync("Arrived at Hangzhou sorting centre");
        await Expect(page.Locator("#quick-replies")).ToBeHiddenAsync();
        Assert.Equal(["where is my order", "2024110112345"], api.Messages.Select(m => m.Text));
        Assert.All(api.Authorizations, a => Assert.Equal("Bearer dev.c-00001.token", a));
        await Expect(page.Locator("#close-button")).ToBeEnabledAsync();
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task The_typing_indicator_shows_until_the_reply_arrives()
    {
        var api = new ScriptedChatApi { HoldAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "anyone there?");
        await Expect(page.Locator("#messages .typing")).ToBeVisibleAsync();
        await Expect(page.Locator(".row.customer .meta").Last).ToHaveTextAsync("Sending…");
        api.HoldAnswers.SetResult();
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: anyone there?");
        await Expect(page.Locator("#messages .typing")).ToHaveCountAsync(0);
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task A_503_with_retry_after_is_retried_with_the_same_client_message_id()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Fail(503, new { title = "Busy", detail = "The bot is warming up.", status = 503 }, retryAfter: "0"));
        api.Answers.Enqueue(ScriptedAnswer.Fail(429, new { title = "Too many requests", status = 429 }, retryAfter: "0"));
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "hello there");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: hello there");
        var sent = api.Messages.ToArray();
        Assert.Equal(3, sent.Length);
        Assert.Single(sent.Select(m => m.ClientMessageId).Distinct());
        Assert.All(sent, m => Assert.Equal("hello there", m.Text));
        probe.AssertNoErrors("status of 503", "status of 429");
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_the_same_client_message_id_and_the_next_message_gets_a_new_one()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Drop());
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "first");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: first");
        await TypeAndSendAsync(page, "second");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: second");
        var sent = api.Messages.ToArray();
        Assert.Equal(["first", "first", "second"], sent.Select(m => m.Text));
        Assert.Equal(sent[0].ClientMessageId, sent[1].ClientMessageId);
        Assert.NotEqual(sent[1].ClientMessageId, sent[2].ClientMessageId);
        Assert.Matches("^[A-Za-z0-9._:-]{1,100}$", sent[2].ClientMessageId);
        probe.AssertNoErrors("ERR_CONNECTION_RESET", "ERR_FAILED");
    }

    [Fact]
    public async Task A_problem_response_shows_its_detail_in_a_toast_and_marks_the_message_not_sent()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Fail(400, new
        {
            title = "One or more validation errors occurred.", status = 400,
            errors = new Dictionary<string, string[]> { ["text"] = ["'text' must be at most 2000 characters (it has 2001)."] },
        }));
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "too long, says the script");
        await Expect(page.Locator(".toast")).ToContainTextAsync("'text' must be at most 2000 characters (it has 2001).");
        await Expect(page.Locator(".row.customer .meta.failed")).ToContainTextAsync("Not sent");
        await Expect(page.Locator(".typing")).ToHaveCountAsync(0);
        probe.AssertNoErrors("status of 400");
    }

    [Fact]
    public async Task Asking_for_a_person_shows_the_waiting_banner_keeps_the_input_usable_and_then_shows_the_agent()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Reply(
            new { text = "I'm passing you to a colleague. Someone will be with you shortly.", kind = "handoff", intent = "human_agent", confidence = 0.97 },
            status: "waiting_for_agent"));
        api.Answers.Enqueue(ScriptedAnswer.Reply(null));
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await TypeAndSendAsync(page, "I want to talk to a human");
        await Expect(page.Locator("#handover-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#handover-banner")).ToContainTextAsync("Waiting for an agent");
        await Expect(page.Locator("#status-text")).ToHaveTextAsync("Waiting for an agent");
        await Expect(page.Locator("#input")).ToBeEnabledAsync();

        // While waiting the bot is silent: the message is sent and no typing indicator or reply follows.
        await TypeAndSendAsync(page, "my parcel is late");
        await Expect(page.Locator(".row.customer .meta").Last).Not.ToContainTextAsync("Sending");
        await Expect(page.Locator(".typing")).ToHaveCountAsync(0);
        await Expect(page.Locator(".row.bot")).ToHaveCountAsync(2); // the welcome and the hand-over

        api.Status = "with_agent";
        api.AddLine("agent", "Hi, I'm looking at your order now.");
        await Expect(page.Locator(".row.agent .bubble")).ToHaveTextAsync("Hi, I'm looking at your order now.", new() { Timeout = 30_000 });
        await Expect(page.Locator("#handover-banner")).ToContainTextAsync("You are talking to");
        // The scripted API has no stream: the socket is refused (Chromium logs that) and the page falls back to polling.
        await Expect(page.Locator("#app")).Not.ToHaveAttributeAsync("data-live", "socket");
        probe.AssertNoErrors("WebSocket connection to");
    }

    [Fact]
    public async Task A_reload_resumes_the_session_from_its_transcript()
    {
        var (probe, api) = await OpenAsync();
        await using var _ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await TypeAndSendAsync(page, "remember me");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: remember me");

        await page.ReloadAsync();
        await WaitReadyAsync(page);
        await Expect(page.Locator(".notice", new() { HasText = "Conversation resumed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".row.customer .bubble")).ToHaveTextAsync(["remember me"]);
        await Expect(page.Locator(".row.bot .bubble")).ToHaveTextAsync(["You said: remember me"]);
        Assert.Equal(1, api.SessionsOpened);
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Ending_the_chat_sends_the_star_rating_and_comment_and_offers_a_new_chat()
    {
        var (probe, api) = await OpenAsync();
        await using var _ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await TypeAndSendAsync(page, "thanks");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: thanks");

        await page.Locator("#close-button").ClickAsync();
        await Expect(page.Locator("#close-dialog")).ToBeVisibleAsync();
        await page.Locator("#close-submit").ClickAsync();
        await Expect(page.Locator("#close-error")).ToContainTextAsync("1 to 5 stars");
        await page.Locator("label[for=star-4]").ClickAsync();
        await page.Locator("#close-comment").FillAsync("Quick and helpful");
        await page.Locator("#close-submit").ClickAsync();

        await Expect(page.Locator("#close-dialog")).ToBeHiddenAsync();
        await Expect(page.Locator("#restart-button")).ToBeVisibleAsync();
        await Expect(page.Locator("#composer")).ToBeHiddenAsync();
        var close = Assert.Single(api.Closes);
        Assert.Equal(4, (int)close["satisfaction"]!);
        Assert.Equal("Quick and helpful", (string?)close["comment"]);

        await page.Locator("#restart-button").ClickAsync();
        await Expect(page.Locator("#composer")).ToBeVisibleAsync();
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task My_orders_lists_the_customers_orders_and_asks_about_the_picked_one()
    {
        var api = new ScriptedChatApi
        {
            Orders = new[]
            {
                new
                {
                    orderId = "2024110112345", customerId = "c-00001", merchantId = "m-001", merchantName = "Sunny Phone Accessories",
                    status = "Shipped", totalMinor = 19900, currency = "CNY", placedAt = "2026-11-11T08:00:00Z",
                    items = new[] { new { sku = "S-1", title = "Silicone phone case", quantity = 2, unitPriceMinor = 9950 } },
                    shipment = new { carrier = "SF", trackingNumber = "SF1", events = new[] { new { at = "2026-11-12T08:00:00Z", location = "Hangzhou", description = "Arrived at sorting centre" } } },
                },
            },
        };
        var (probe, _) = await OpenAsync(api);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);

        await page.Locator("#orders-button").ClickAsync();
        var card = page.Locator("#orders-list .order-card");
        await Expect(card).ToContainTextAsync("Silicone phone case");
        await Expect(card).ToContainTextAsync("Arrived at sorting centre · Hangzhou");
        await Expect(card.Locator(".badge")).ToHaveTextAsync("shipped");
        await page.Locator("#orders-list button", new() { HasText = "Ask about this order" }).ClickAsync();

        await Expect(page.Locator("#orders-panel")).ToBeHiddenAsync();
        await Expect(page.Locator(".row.customer .bubble").Last).ToHaveTextAsync("Where is my order 2024110112345?");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Outside_development_the_page_takes_its_token_from_the_fragment_and_removes_it_from_the_address()
    {
        var api = new ScriptedChatApi { Development = false };
        var (probe, _) = await OpenAsync(api, "/#token=embedded.marketplace.token");
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await Expect(page.Locator("#identity-bar")).ToBeHiddenAsync();
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);

        await TypeAndSendAsync(page, "hi");
        await Expect(page.Locator(".row.bot .bubble").Last).ToHaveTextAsync("You said: hi");
        Assert.All(api.Authorizations, a => Assert.Equal("Bearer embedded.marketplace.token", a));
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task Outside_development_without_a_token_the_page_says_how_to_get_one()
    {
        var (probe, _) = await OpenAsync(new ScriptedChatApi { Development = false });
        await using var __ = probe;
        var page = probe.Page;
        await Expect(page.Locator(".notice.error")).ToContainTextAsync("#token=");
        await Expect(page.Locator("#input")).ToBeDisabledAsync();
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task A_chinese_browser_gets_the_page_in_chinese_and_the_toggle_switches_to_english()
    {
        var (probe, _) = await OpenAsync(locale: "zh-CN");
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await Expect(page.Locator("#input")).ToHaveAttributeAsync("placeholder", "请输入消息…");
        await Expect(page.Locator("#close-button")).ToHaveTextAsync("结束会话");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.Locator("#lang-button").ClickAsync();
        await Expect(page.Locator("#input")).ToHaveAttributeAsync("placeholder", "Type a message…");
        await Expect(page.Locator(".row.bot .bubble").First).ToContainTextAsync("track orders");
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task On_a_phone_the_conversation_with_cards_fits_without_horizontal_scrolling()
    {
        var api = new ScriptedChatApi();
        api.Answers.Enqueue(ScriptedAnswer.Reply(new
        {
            text = "Your order has shipped: " + new string('x', 120), kind = "answer", intent = "order_status", confidence = 0.95, cards = new[] { ShippedCard },
            choices = new[] { new { label = "Change the delivery address", value = "change address" }, new { label = "Return an item", value = "return" } },
        }));
        var (probe, _) = await OpenAsync(api, width: 360, height: 640);
        await using var __ = probe;
        var page = probe.Page;
        await WaitReadyAsync(page);
        await TypeAndSendAsync(page, "where is my order 2024110112345");
        await Expect(page.Locator(".order-card")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.getElementById('messages').scrollWidth, document.getElementById('messages').clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} > {widths[1]} px.");
        Assert.True(widths[2] <= widths[3], $"The conversation scrolls sideways: {widths[2]} > {widths[3]} px.");
        var composer = await page.Locator("#composer").BoundingBoxAsync();
        Assert.NotNull(composer);
        Assert.True(composer.Y + composer.Height <= 640, "The message box is below the screen.");
        probe.AssertNoErrors();
    }
}
