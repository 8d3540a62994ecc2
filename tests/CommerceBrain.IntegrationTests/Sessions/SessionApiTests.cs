using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.IntegrationTests.Sessions;

/// <summary>
/// Customer sessions end to end over HTTP on the seeded demo marketplace, with the real models, policy, commerce grains
/// and ledger: every flow, in English and (order status, human request) in Chinese, and every kind of bad input.
/// Demo customers and orders are listed in docs/commerce.md.
/// </summary>
public abstract class SessionApiTests(DemoMarketSilo market)
{
    private TestSilo Silo => market.Silo;

    private HttpClient Customer(string id) => Silo.ClientAs(id, Roles.Customer);

    [Fact]
    public async Task The_order_status_form_walks_from_a_choice_to_the_orders_status()
    {
        var chat = await Chat.OpenAsync(Customer("c-00001"));

        var asked = await chat.SayAsync("where is my order");
        var answer = await chat.WalkFormAsync(asked, "my last order",
            choices => choices.EnumerateArray().Select(c => c.GetProperty("value").GetString()).FirstOrDefault(v => v == "2026111000001"));

        Assert.Equal("form", Chat.Kind(asked));
        Assert.Contains("2026111000001", Chat.ChoiceValues(asked));
        Assert.Equal("answer", Chat.Kind(answer));
        Assert.Equal("order_status", Chat.Intent(answer));
        Assert.Equal(["2026111000001"], Chat.CardOrderIds(answer));
        Assert.Equal("active", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_order_status_form_works_in_Chinese_with_the_last_order()
    {
        var chat = await Chat.OpenAsync(Customer("c-00002"));

        var asked = await chat.SayAsync("我的订单到哪了");
        var answer = await chat.SayAsync("最近的订单");

        Assert.Equal("form", Chat.Kind(asked));
        Assert.Equal("answer", Chat.Kind(answer));
        Assert.Equal(["2026111100003"], Chat.CardOrderIds(answer));
        Assert.Contains("订单", Chat.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task And_the_other_one_resolves_to_the_customers_other_recent_order()
    {
        var chat = await Chat.OpenAsync(Customer("c-00001"));
        await chat.SayAsync("where is my order");
        var first = await chat.SayAsync("my last order");

        var other = await chat.SayAsync("and the other one?");

        Assert.Equal("answer", Chat.Kind(other));
        var firstOrder = Assert.Single(Chat.CardOrderIds(first));
        var otherOrder = Assert.Single(Chat.CardOrderIds(other));
        Assert.NotEqual(firstOrder, otherOrder);
    }

    [Fact]
    public async Task A_refund_request_form_ends_in_a_stored_refund_request()
    {
        var client = Customer("c-00003");
        var chat = await Chat.OpenAsync(client);

        var answer = await chat.WalkFormAsync(await chat.SayAsync("I want a refund for my order"), "it arrived damaged");

        Assert.Equal("answer", Chat.Kind(answer));
        using var order = JsonDocument.Parse(await client.GetStringAsync("/api/orders/2026111100004"));
        Assert.NotEmpty(order.RootElement.GetProperty("refunds").EnumerateArray());
    }

    [Fact]
    public async Task An_address_change_before_shipment_changes_the_orders_address()
    {
        var client = Customer("c-00002");
        var chat = await Chat.OpenAsync(client);
        const string address = "18 Wensan Road, Building 2, Hangzhou 310012";

        var answer = await chat.WalkFormAsync(await chat.SayAsync("I need to change the delivery address of my order"), address,
            choices => choices.EnumerateArray().Select(c => c.GetProperty("value").GetString()).FirstOrDefault(v => v == "2026111100003"));

        Assert.Equal("answer", Chat.Kind(answer));
        using var order = JsonDocument.Parse(await client.GetStringAsync("/api/orders/2026111100003"));
        Assert.Equal(address, order.RootElement.GetProperty("shippingAddress").GetString());
    }

    [Fact]
    public async Task Coupon_questions_show_the_customers_own_coupons()
    {
        var chat = await Chat.OpenAsync(Customer("c-00001"));

        var answer = await chat.SayAsync("which coupons do I have");

        Assert.Equal("answer", Chat.Kind(answer));
        Assert.Contains("¥20", Chat.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coupon_questions_show_campaign_coupons_with_their_real_status_and_minimum_spend()
    {
        using var admin = Silo.ClientAs("admin-1", Roles.Admin);
        var customer = Customer("c-00003");
        await ClaimFromNewCampaignAsync(admin, customer, "Chat Test Gala", faceValue: 700, minSpend: 4_500);
        var spent = await ClaimFromNewCampaignAsync(admin, customer, "Chat Test Spent", faceValue: 300, minSpend: 1_000);
        using (var redeem = await customer.PostAsJsonAsync($"/api/coupons/{spent}/redemptions", new { orderId = "chat-test-order-1", orderTotal = 5_000 }))
        {
            Assert.Equal(HttpStatusCode.Created, redeem.StatusCode);
        }

        var chat = await Chat.OpenAsync(customer);
        var answer = await chat.SayAsync("which coupons do I have");

        var text = Chat.Text(answer);
        Assert.Equal("answer", Chat.Kind(answer));
        Assert.Contains("Chat Test Gala: ¥7 off orders of ¥45 or more", text, StringComparison.Ordinal);
        Assert.Contains("Chat Test Spent: already used", text, StringComparison.Ordinal);
    }

    private static async Task<string> ClaimFromNewCampaignAsync(HttpClient admin, HttpClient customer, string name, long faceValue, long minSpend)
    {
        using var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            budget = 100_000,
            tiers = new[] { new { faceValue, minSpend } },
            perUserLimit = 1,
            endsAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        claim.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var granted = await customer.SendAsync(claim);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetString()!;
    }

    [Fact]
    public async Task A_platform_question_gets_the_FAQ_answer()
    {
        var chat = await Chat.OpenAsync(Customer("c-00003"));

        var answer = await chat.SayAsync("how do I reset my password");

        Assert.Contains(Chat.Kind(answer), new[] { "answer", "clarify" });
        Assert.Equal("reset_password", Chat.Intent(answer));
    }

    [Fact]
    public async Task A_shop_session_answers_from_the_shops_own_FAQ()
    {
        var chat = await Chat.OpenAsync(Customer("c-00003"), merchantId: "m-001");

        var answer = await chat.SayAsync("what is your return address");

        Assert.Equal("answer", Chat.Kind(answer));
        Assert.Contains("Lumi Electronics", Chat.Text(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I want to talk to a human", "c-00001")]
    [InlineData("我要转人工", "c-00002")]
    public async Task Asking_for_a_person_hands_over_with_a_packet_and_the_bot_goes_silent(string text, string customer)
    {
        var chat = await Chat.OpenAsync(Customer(customer));
        await chat.SayAsync(customer == "c-00001" ? "where is my order" : "我的订单到哪了");

        var handoff = await chat.SayAsync(text);
        var afterwards = await chat.SayAsync(customer == "c-00001" ? "hello, anyone there?" : "有人吗");

        Assert.Equal("handoff", Chat.Kind(handoff));
        Assert.Equal("waiting_for_agent", handoff.GetProperty("status").GetString());
        Assert.Null(Chat.Kind(afterwards));
        Assert.Equal("waiting_for_agent", afterwards.GetProperty("status").GetString());
        using var operatorView = JsonDocument.Parse(await Silo.ClientAs("agent-1", Roles.Agent).GetStringAsync($"/api/sessions/{chat.SessionId}"));
        var packet = operatorView.RootElement.GetProperty("handoff");
        Assert.Equal(customer, packet.GetProperty("customerId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(packet.GetProperty("summary").GetString()));
        Assert.Contains("order_status", packet.GetProperty("intents").EnumerateArray().Select(i => i.GetString()));
        using var customerView = JsonDocument.Parse(await chat.Client.GetStringAsync($"/api/sessions/{chat.SessionId}"));
        Assert.Equal(JsonValueKind.Null, customerView.RootElement.GetProperty("handoff").ValueKind);
        Assert.Equal(5, customerView.RootElement.GetProperty("transcript").GetArrayLength());   // 3 customer lines, 2 bot replies, then silence
    }

    [Fact]
    public async Task A_retried_message_returns_the_original_reply_and_adds_no_turn()
    {
        var chat = await Chat.OpenAsync(Customer("c-00003"));

        var first = await chat.SayAsync("how do I get an invoice", "same-id");
        var retry = await chat.SayAsync("how do I get an invoice", "same-id");

        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(Chat.Text(first), Chat.Text(retry));
        Assert.Equal(first.GetProperty("seq").GetInt64(), retry.GetProperty("seq").GetInt64());
        using var view = JsonDocument.Parse(await chat.Client.GetStringAsync($"/api/sessions/{chat.SessionId}"));
        Assert.Equal(2, view.RootElement.GetProperty("transcript").GetArrayLength());
    }

    [Fact]
    public async Task Personal_data_is_masked_in_the_transcript()
    {
        var chat = await Chat.OpenAsync(Customer("c-00003"));

        await chat.SayAsync("my card 4111 1111 1111 1111 was charged twice, call me on 13812345678 or mail bob@example.com");

        var transcript = await chat.Client.GetStringAsync($"/api/sessions/{chat.SessionId}");
        Assert.DoesNotContain("4111 1111", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.com", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_keeps_the_satisfaction_and_refuses_further_messages()
    {
        var chat = await Chat.OpenAsync(Customer("c-00003"));
        await chat.SayAsync("thanks");

        using var closed = await chat.Client.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/close", new { satisfaction = 5, comment = "fast" });
        using var after = await chat.Client.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/messages", new { text = "one more", clientMessageId = "late" });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var body = JsonDocument.Parse(await closed.Content.ReadAsStringAsync());
        Assert.Equal("closed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(5, body.RootElement.GetProperty("satisfaction").GetInt32());
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_orders()
    {
        using var mine = JsonDocument.Parse(await Customer("c-00003").GetStringAsync("/api/me/orders"));
        using var other = await Customer("c-00003").GetAsync("/api/orders/2026111000001");

        var orders = mine.RootElement.ValueKind == JsonValueKind.Array ? mine.RootElement : mine.RootElement.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        Assert.Equal(["2026111100004"], orders.EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_gets_a_precise_problem_and_changes_nothing()
    {
        var client = Customer("c-00003");
        var chat = await Chat.OpenAsync(client);
        await chat.SayAsync("hi", "first");
        var path = $"/api/sessions/{chat.SessionId}/messages";

        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(path, new { text = "", clientMessageId = "a" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(path, new { text = "   ", clientMessageId = "a" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(path, new { text = new string('a', 2001), clientMessageId = "a" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(path, new { text = "hello" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsync(path, new StringContent("hello", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await ProblemAssert.IsProblemAsync(await client.PostAsync(path, new StringContent("{\"text\": \"hi\",", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync(path, new { text = "bye", clientMessageId = "first" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/sessions/no-such-session/messages", new { text = "hi", clientMessageId = "b" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/sessions/no-such-session"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/sessions", new { merchantId = "m-999" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/sessions", new { channel = "fax" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/close", new { satisfaction = 9 }), HttpStatusCode.BadRequest);

        // Another customer's session is answered exactly like an unknown one.
        var stranger = Customer("c-00002");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/sessions/{chat.SessionId}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync(path, new { text = "hi", clientMessageId = "c" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/close", new { satisfaction = 1 }), HttpStatusCode.NotFound);

        // Tokens: missing, forged, expired; and a role that may not chat.
        await ProblemAssert.IsProblemAsync(await Silo.Client.PostAsJsonAsync(path, new { text = "hi", clientMessageId = "d" }), HttpStatusCode.Unauthorized);
        var token = Silo.TokenFor("c-00003", Roles.Customer);
        using var forged = Silo.ClientWithToken(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        await ProblemAssert.IsProblemAsync(await forged.PostAsJsonAsync(path, new { text = "hi", clientMessageId = "e" }), HttpStatusCode.Unauthorized);
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        using var expired = Silo.ClientWithToken(Silo.TokenFor("c-00003", Roles.Customer, lifetime: TimeSpan.FromHours(1), clock: past));
        await ProblemAssert.IsProblemAsync(await expired.PostAsJsonAsync(path, new { text = "hi", clientMessageId = "f" }), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await Silo.ClientAs("agent-1", Roles.Agent).PostAsJsonAsync(path, new { text = "hi", clientMessageId = "g" }), HttpStatusCode.Forbidden);

        using var view = JsonDocument.Parse(await client.GetStringAsync($"/api/sessions/{chat.SessionId}"));
        Assert.Equal(2, view.RootElement.GetProperty("transcript").GetArrayLength());
        Assert.Equal("active", view.RootElement.GetProperty("status").GetString());
    }
}

public sealed class SqliteSessionApiTests(SqliteDemoMarketSilo market) : SessionApiTests(market), IClassFixture<SqliteDemoMarketSilo>;

public sealed class PostgreSqlSessionApiTests(PostgreSqlDemoMarketSilo market) : SessionApiTests(market), IClassFixture<PostgreSqlDemoMarketSilo>;
