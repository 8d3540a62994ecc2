using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.IntegrationTests.Sessions;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>Agents over HTTP: attach (with the admission seam), messages (with the reviewer seam), transfer, release, resolve; bad input and roles.</summary>
public abstract class AgentSessionApiTests(AgentSessionSilo fixture)
{
    private TestSilo Silo => fixture.Silo;

    private HttpClient Agent(string id) => Silo.ClientAs(id, Roles.Agent);

    private async Task<Chat> EscalatedChatAsync(string customer = "c-00001")
    {
        var chat = await Chat.OpenAsync(Silo.ClientAs(customer, Roles.Customer));
        var handoff = await chat.SayAsync("I want to talk to a human");
        Assert.Equal("waiting_for_agent", handoff.GetProperty("status").GetString());
        return chat;
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<long> LastEventIdAsync(string sessionId)
    {
        using var admin = Silo.ClientAs("admin-1", Roles.Admin);
        var session = await OkJsonAsync(await admin.GetAsync($"/api/sessions/{sessionId}"));
        return session.GetProperty("lastEventId").GetInt64();
    }

    [Fact]
    public async Task Attach_returns_the_packet_the_transcript_and_the_last_event_id()
    {
        var chat = await EscalatedChatAsync();
        using var agent = Agent("a-1");

        var attached = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Ann" }));

        Assert.Equal("with_agent", attached.GetProperty("status").GetString());
        Assert.Equal(chat.SessionId, attached.GetProperty("packet").GetProperty("sessionId").GetString());
        Assert.Equal(["customer", "bot", "system"], attached.GetProperty("transcript").EnumerateArray().Select(l => l.GetProperty("author").GetString()));
        Assert.Equal(3, attached.GetProperty("lastEventId").GetInt64());
        var customerView = await OkJsonAsync(await chat.Client.GetAsync($"/api/sessions/{chat.SessionId}"));
        Assert.Equal("Ann", customerView.GetProperty("agentName").GetString());
        Assert.Equal(JsonValueKind.Null, customerView.GetProperty("agentId").ValueKind);
    }

    [Fact]
    public async Task A_second_agent_gets_409_and_the_first_keeps_the_session()
    {
        var chat = await EscalatedChatAsync();
        using var first = Agent("a-1");
        using var second = Agent("a-2");
        await OkJsonAsync(await first.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { }));
        var before = await LastEventIdAsync(chat.SessionId);

        await ProblemAssert.IsProblemAsync(await second.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { }), HttpStatusCode.Conflict);
        var again = await OkJsonAsync(await first.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { }));

        Assert.Equal(before, again.GetProperty("lastEventId").GetInt64());
        Assert.Equal(before, await LastEventIdAsync(chat.SessionId));
    }

    [Fact]
    public async Task Attaching_to_an_unknown_or_closed_session_or_while_refused_by_admission_changes_nothing()
    {
        var closed = await EscalatedChatAsync();
        using var close = await closed.Client.PostAsJsonAsync($"/api/sessions/{closed.SessionId}/close", new { satisfaction = 3 });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var waiting = await EscalatedChatAsync();
        using var agent = Agent("a-1");
        using var offline = Agent(AgentSessionSilo.OfflineAgent);
        var before = await LastEventIdAsync(waiting.SessionId);

        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/sessions/no-such-session/attach", new { }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"/api/sessions/{closed.SessionId}/attach", new { }), HttpStatusCode.Conflict);
        var refused = await ProblemAssert.IsProblemAsync(
            await offline.PostAsJsonAsync($"/api/sessions/{waiting.SessionId}/attach", new { }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(
            await agent.PostAsJsonAsync($"/api/sessions/{waiting.SessionId}/attach", new { displayName = new string('x', 61) }), HttpStatusCode.BadRequest);

        Assert.Contains("offline", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await LastEventIdAsync(waiting.SessionId));
    }

    [Fact]
    public async Task Only_agents_and_admins_reach_the_agent_endpoints()
    {
        var chat = await EscalatedChatAsync();
        using var merchant = Silo.ClientAs("m-1", Roles.Merchant, "shop-1");
        var anonymous = Silo.Client;

        foreach (var path in new[] { "attach", "agent-messages", "transfer", "release", "resolve" })
        {
            await ProblemAssert.IsProblemAsync(await chat.Client.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/{path}", new { }), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await merchant.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/{path}", new { }), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/{path}", new { }), HttpStatusCode.Unauthorized);
        }

        using var admin = Silo.ClientAs("admin-1", Roles.Admin);
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { }));
    }

    [Fact]
    public async Task Agent_messages_reach_the_transcript_once_with_warnings_and_bad_ones_change_nothing()
    {
        var chat = await EscalatedChatAsync();
        using var agent = Agent("a-1");
        using var other = Agent("a-2");
        var path = $"/api/sessions/{chat.SessionId}/agent-messages";
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(path, new { text = "hi", clientMessageId = "m-0" }), HttpStatusCode.Conflict);
        await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Ann" }));
        var before = await LastEventIdAsync(chat.SessionId);

        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(path, new { text = "  ", clientMessageId = "m-1" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(path, new { text = new string('a', 2001), clientMessageId = "m-1" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(path, new { text = "hello" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await other.PostAsJsonAsync(path, new { text = "hello", clientMessageId = "m-1" }), HttpStatusCode.Conflict);
        Assert.Equal(before, await LastEventIdAsync(chat.SessionId));

        var sent = await OkJsonAsync(await agent.PostAsJsonAsync(path, new { text = "Hello, I am looking into it.", clientMessageId = "m-1" }), HttpStatusCode.Created);
        var retry = await OkJsonAsync(await agent.PostAsJsonAsync(path, new { text = "Hello, I am looking into it.", clientMessageId = "m-1" }));
        var rude = await OkJsonAsync(await agent.PostAsJsonAsync(path, new { text = "That was a stupid question.", clientMessageId = "m-2" }), HttpStatusCode.Created);

        Assert.Equal(before + 1, sent.GetProperty("eventId").GetInt64());
        Assert.Empty(sent.GetProperty("warnings").EnumerateArray());
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(sent.GetProperty("eventId").GetInt64(), retry.GetProperty("eventId").GetInt64());
        Assert.Equal("rude", rude.GetProperty("warnings")[0].GetProperty("code").GetString());
        var transcript = (await OkJsonAsync(await chat.Client.GetAsync($"/api/sessions/{chat.SessionId}"))).GetProperty("transcript");
        Assert.Equal(["Hello, I am looking into it.", "That was a stupid question."],
            transcript.EnumerateArray().Where(l => l.GetProperty("author").GetString() == "agent").Select(l => l.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Transfer_release_and_resolve_validate_their_input_and_move_the_session()
    {
        var chat = await EscalatedChatAsync();
        using var agent = Agent("a-1");
        using var next = Agent("a-2");
        var id = chat.SessionId;
        await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{id}/attach", new { }));
        var before = await LastEventIdAsync(id);

        var unknownGroup = await ProblemAssert.IsProblemAsync(
            await agent.PostAsJsonAsync($"/api/sessions/{id}/transfer", new { group = "billing", note = "n" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(
            await agent.PostAsJsonAsync($"/api/sessions/{id}/transfer", new { group = "disputes", agentId = "a-2", note = "n" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"/api/sessions/{id}/transfer", new { group = "disputes" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"/api/sessions/{id}/resolve", new { resolutionCode = "Not A Code!" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await next.PostAsync($"/api/sessions/{id}/release", null), HttpStatusCode.Conflict);
        Assert.Contains("billing", unknownGroup.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await LastEventIdAsync(id));

        var transferred = await OkJsonAsync(await agent.PostAsJsonAsync($"/api/sessions/{id}/transfer", new { agentId = "a-2", note = "Wants a refund above the order value" }));
        await OkJsonAsync(await next.PostAsJsonAsync($"/api/sessions/{id}/attach", new { }));
        var released = await OkJsonAsync(await next.PostAsync($"/api/sessions/{id}/release", null));
        var botAgain = await chat.SayAsync("hello");
        await OkJsonAsync(await next.PostAsJsonAsync($"/api/sessions/{id}/attach", new { }));
        var resolved = await OkJsonAsync(await next.PostAsJsonAsync($"/api/sessions/{id}/resolve", new { resolutionCode = "refund_issued" }));

        Assert.Equal("waiting_for_agent", transferred.GetProperty("status").GetString());
        Assert.Equal(before + 1, transferred.GetProperty("eventId").GetInt64());
        Assert.Equal("active", released.GetProperty("status").GetString());
        Assert.Equal("active", botAgain.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, botAgain.GetProperty("reply").ValueKind);
        Assert.Equal("closed", resolved.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await next.PostAsJsonAsync($"/api/sessions/{id}/attach", new { }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await next.PostAsJsonAsync($"/api/sessions/{id}/agent-messages", new { text = "x", clientMessageId = "late" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_agent_endpoints_are_in_the_OpenAPI_document()
    {
        var document = await Silo.Client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/attach", "/agent-messages", "/transfer", "/release", "/resolve", "/stream" })
        {
            Assert.Contains($"/api/sessions/{{id}}{path}\"", document, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAgentSessionApiTests(AgentSessionSilo fixture) : AgentSessionApiTests(fixture), IClassFixture<AgentSessionSilo>;

public sealed class PostgreSqlAgentSessionApiTests(PostgreSqlAgentSessionSilo fixture) : AgentSessionApiTests(fixture), IClassFixture<PostgreSqlAgentSessionSilo>;
