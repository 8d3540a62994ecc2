using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Agents.Contracts;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.IntegrationTests.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// Agent assist over HTTP on the demo marketplace with the real agents module: suggestions and actions for the latest
/// customer message, the draft check, warnings returned with and recorded on agent messages, and who may ask.
/// </summary>
public abstract class AgentAssistApiTests(DemoMarketSilo fixture)
{
    private const string Alice = "c-00001";
    private const string BensOrder = "2026111100004";

    private TestSilo Silo => fixture.Silo;

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>Alice escalates, <paramref name="agentId"/> goes online in every group and attaches.</summary>
    private async Task<(Chat Chat, HttpClient Agent)> AttachedAsync(string agentId)
    {
        var chat = await Chat.OpenAsync(Silo.ClientAs(Alice, Roles.Customer));
        var handoff = await chat.SayAsync("I want to talk to a human");
        Assert.Equal("waiting_for_agent", handoff.GetProperty("status").GetString());
        var agent = Silo.ClientAs(agentId, Roles.Agent);
        await OkJsonAsync(await agent.PutAsJsonAsync("/api/agents/me/presence", new { status = "online", groups = SkillGroups.All, capacity = 10 }));
        await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Ann" }));
        return (chat, agent);
    }

    private static string[] Codes(JsonElement warnings) => warnings.EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task Assist_suggests_faq_answers_and_an_order_lookup_for_the_latest_customer_message()
    {
        var (chat, agent) = await AttachedAsync("assist-a1");
        await chat.SayAsync("How do I cancel an order that has not shipped yet?");

        var assist = await OkJsonAsync(await agent.GetAsync($"/api/sessions/{chat.SessionId}/assist"));

        var session = await OkJsonAsync(await Silo.ClientAs("admin-1", Roles.Admin).GetAsync($"/api/sessions/{chat.SessionId}"));
        Assert.Equal(session.GetProperty("lastEventId").GetInt64(), assist.GetProperty("forEventId").GetInt64());
        var suggestions = assist.GetProperty("suggestions").EnumerateArray().ToArray();
        Assert.NotEmpty(suggestions);
        Assert.Equal("faq", suggestions[0].GetProperty("source").GetString());
        Assert.Contains("cancel", suggestions[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(suggestions[0].GetProperty("score").GetDouble(), 0.15, 1.0);
        Assert.Contains(assist.GetProperty("actions").EnumerateArray(), a => a.GetProperty("kind").GetString() == "lookup_order");
        Assert.Contains(assist.GetProperty("phrasing").EnumerateArray(), p => p.GetString()!.Contains("Alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rude_draft_or_one_naming_another_customers_order_gets_warnings_and_nothing_is_sent()
    {
        var (chat, agent) = await AttachedAsync("assist-a2");
        var before = await OkJsonAsync(await agent.GetAsync($"/api/sessions/{chat.SessionId}/assist"));

        var rude = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/agent-drafts", new { text = "Are you stupid? Read the FAQ." }));
        var foreign = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/agent-drafts",
            new { text = $"Order {BensOrder} was delivered; I will refund ¥99999 for it." }));
        var fine = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/agent-drafts",
            new { text = "Hi Alice, I'm sorry for the wait. Let me check that for you." }));

        var warning = Assert.Single(rude.GetProperty("warnings").EnumerateArray());
        Assert.Equal("rude", warning.GetProperty("code").GetString());
        Assert.Equal("critical", warning.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(warning.GetProperty("message").GetString()));
        Assert.Contains("other_customer_data", Codes(foreign.GetProperty("warnings")));
        Assert.Contains("compensation_without_reason", Codes(foreign.GetProperty("warnings")));
        Assert.Empty(fine.GetProperty("warnings").EnumerateArray());
        var after = await OkJsonAsync(await Silo.ClientAs("admin-1", Roles.Admin).GetAsync($"/api/sessions/{chat.SessionId}"));
        Assert.DoesNotContain(after.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("author").GetString() == "agent");
        Assert.Equal(before.GetProperty("forEventId").GetInt64(), (await OkJsonAsync(await agent.GetAsync($"/api/sessions/{chat.SessionId}/assist"))).GetProperty("forEventId").GetInt64());
    }

    [Fact]
    public async Task A_message_with_personal_data_is_sent_with_its_warning_and_the_warning_is_recorded_in_the_ledger()
    {
        var (chat, agent) = await AttachedAsync("assist-a3");

        var sent = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/agent-messages",
            new { text = "I will call you at 13812345678 about it.", clientMessageId = "pd-1" }), HttpStatusCode.Created);
        var compensated = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/agent-messages",
            new { text = "I'll send you a ¥10 voucher for the delay.", clientMessageId = "pd-2", reasonCode = "late-delivery" }), HttpStatusCode.Created);

        Assert.Equal(["personal_data"], Codes(sent.GetProperty("warnings")));
        Assert.Empty(compensated.GetProperty("warnings").EnumerateArray());

        // Deactivate every grain: the session rebuilds from its ledger, so what follows was read back from the rows.
        await Silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0)
            .ForceActivationCollection(TimeSpan.Zero).WaitAsync(TimeSpan.FromSeconds(30));
        var assist = await OkJsonAsync(await agent.GetAsync($"/api/sessions/{chat.SessionId}/assist"));
        var recorded = Assert.Single(assist.GetProperty("recordedWarnings").EnumerateArray());
        Assert.Equal(sent.GetProperty("eventId").GetInt64(), recorded.GetProperty("eventId").GetInt64());
        Assert.Equal("assist-a3", recorded.GetProperty("agentId").GetString());
        Assert.Equal(["personal_data"], Codes(recorded.GetProperty("warnings")));
        var customerView = await chat.Client.GetStringAsync($"/api/sessions/{chat.SessionId}");
        Assert.DoesNotContain("personal_data", customerView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_from_a_resolved_session_is_suggested_for_a_similar_question_later()
    {
        var (first, agent) = await AttachedAsync("assist-a4");
        await first.SayAsync("Does the parcel locker near Xuhui station keep my parcel for a whole week?");
        await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{first.SessionId}/agent-messages",
            new { text = "Lockers keep parcels for 72 hours, then they go back to the courier station.", clientMessageId = "l-1" }), HttpStatusCode.Created);
        await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{first.SessionId}/resolve", new { resolutionCode = "answered" }));

        var (second, colleague) = await AttachedAsync("assist-a5");
        await second.SayAsync("how long does the parcel locker keep my parcel?");

        var last = default(JsonElement);
        var suggested = Eventually.UntilAsync(async () =>
        {
            var assist = last = await OkJsonAsync(await colleague.GetAsync($"/api/sessions/{second.SessionId}/assist"));
            return assist.GetProperty("suggestions").EnumerateArray().Any(s =>
                s.GetProperty("source").GetString() == "agent-history" && s.GetProperty("text").GetString()!.StartsWith("Lockers keep parcels", StringComparison.Ordinal));
        }, "the resolved session's answer is suggested", TimeSpan.FromSeconds(30));

        var timedOut = await Record.ExceptionAsync(() => suggested);
        Assert.True(timedOut is null, $"No agent-history suggestion; last assist: {last}");
    }

    [Fact]
    public async Task Only_the_attached_agent_or_an_admin_gets_assist_and_bad_drafts_are_400_problems()
    {
        var (chat, agent) = await AttachedAsync("assist-a6");
        using var other = Silo.ClientAs("assist-a7", Roles.Agent);
        using var admin = Silo.ClientAs("admin-1", Roles.Admin);
        var assist = $"/api/sessions/{chat.SessionId}/assist";
        var drafts = $"/api/sessions/{chat.SessionId}/agent-drafts";

        await ProblemAssert.IsProblemAsync(await chat.Client.GetAsync(assist), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await chat.Client.PostAsJsonAsync(drafts, new { text = "hi" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Silo.Client.GetAsync(assist), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await other.GetAsync(assist), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await other.PostAsJsonAsync(drafts, new { text = "hi" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await agent.GetAsync("/api/sessions/no-such-session/assist"), HttpStatusCode.NotFound);
        await OkJsonAsync(await admin.GetAsync(assist));
        await OkJsonAsync(await admin.PostAsJsonAsync(drafts, new { text = "hi" }));

        var blank = await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(drafts, new { text = " " }), HttpStatusCode.BadRequest);
        var tooLong = await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(drafts, new { text = new string('x', 2001) }), HttpStatusCode.BadRequest);
        var badReason = await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(drafts, new { text = "a voucher", reasonCode = "Late Delivery!" }), HttpStatusCode.BadRequest);
        using var malformed = await agent.PostAsync(drafts, new StringContent("{\"text\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.True(blank.GetProperty("errors").TryGetProperty("text", out _));
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("text", out _));
        Assert.True(badReason.GetProperty("errors").TryGetProperty("reasonCode", out _));
    }

    [Fact]
    public async Task The_assist_endpoints_are_in_the_openapi_document()
    {
        var document = await Silo.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/sessions/{id}/agent-drafts", document, StringComparison.Ordinal);
        Assert.Contains("/api/sessions/{id}/assist", document, StringComparison.Ordinal);
    }
}

public sealed class SqliteAgentAssistApiTests(SqliteDemoMarketSilo fixture) : AgentAssistApiTests(fixture), IClassFixture<SqliteDemoMarketSilo>;

public sealed class PostgreSqlAgentAssistApiTests(PostgreSqlDemoMarketSilo fixture) : AgentAssistApiTests(fixture), IClassFixture<PostgreSqlDemoMarketSilo>;
