using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>Presence, the agent's queue and the supervisor view over HTTP against the real silo.</summary>
public sealed class AgentApiTests(AgentSilo fixture) : IClassFixture<AgentSilo>
{
    private TestSilo Silo => fixture.Silo;

    private HttpClient AgentClient(string id) => Silo.ClientAs(id, Roles.Agent);

    private static JsonObject Presence(string status, string[]? groups = null, int? capacity = null)
    {
        var body = new JsonObject { ["status"] = status };
        if (groups is not null)
        {
            body["groups"] = new JsonArray([.. groups.Select(g => JsonValue.Create(g))]);
        }

        if (capacity is not null)
        {
            body["capacity"] = capacity;
        }

        return body;
    }

    private static async Task<JsonElement> PutPresence(HttpClient client, JsonObject body)
    {
        using var response = await client.PutAsJsonAsync("/api/agents/me/presence", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> Queue(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/agents/me/queue")).EnumerateArray()];

    [Fact]
    public async Task An_agent_goes_online_in_groups_with_a_capacity_and_reads_it_back()
    {
        var client = AgentClient("h-agent-1");

        var set = await PutPresence(client, Presence("online", ["pre-sales", "disputes"], 4));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/agents/me");

        Assert.Equal("online", set.GetProperty("status").GetString());
        Assert.Equal(["pre-sales", "disputes"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(4, me.GetProperty("capacity").GetInt32());

        var away = await PutPresence(client, Presence("away"));
        Assert.Equal("away", away.GetProperty("status").GetString());
        Assert.Equal(2, away.GetProperty("groups").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"status":"online","groups":["returns"]}""", "groups")]
    [InlineData("""{"status":"busy"}""", "status")]
    [InlineData("""{"groups":["pre-sales"]}""", "status")]
    [InlineData("""{"status":"online","capacity":0}""", "capacity")]
    [InlineData("""{"status":"online","capacity":1000}""", "capacity")]
    public async Task Bad_presence_is_refused_with_a_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        var client = AgentClient("h-agent-bad");
        await PutPresence(client, Presence("away", ["after-sales"], 2));

        using var response = await client.PutAsync("/api/agents/me/presence", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/agents/me");
        Assert.Equal("away", me.GetProperty("status").GetString());
        Assert.Equal(["after-sales"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(2, me.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await AgentClient("h-agent-json").PutAsync("/api/agents/me/presence",
            new StringContent("{\"status\":", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Customers_reach_no_agent_endpoint_and_agents_not_the_supervisor_view()
    {
        var customer = Silo.ClientAs("cust-nosy", Roles.Customer);
        using var presence = await customer.PutAsJsonAsync("/api/agents/me/presence", Presence("online"));
        using var queue = await customer.GetAsync("/api/agents/me/queue");
        using var supervisor = await customer.GetAsync("/api/agents/supervisor");
        using var agentSupervisor = await AgentClient("h-agent-sup").GetAsync("/api/agents/supervisor");
        using var anonymous = await Silo.Client.GetAsync("/api/agents/me/queue");

        Assert.Equal(HttpStatusCode.Forbidden, presence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentSupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_escalated_session_shows_at_the_top_of_the_assigned_agents_queue_and_not_in_other_groups()
    {
        var agent = AgentClient("h-q-agent");
        var other = AgentClient("h-q-other");
        await PutPresence(agent, Presence("online", ["merchant-support"], 2));
        await PutPresence(other, Presence("online", ["pre-sales"], 2));
        var sessionId = "h-q-" + Guid.NewGuid().ToString("N")[..8];

        await fixture.Tell(sessionId, SessionLifecycleKind.Escalated, group: "merchant-support",
            packet: AgentSilo.Packet(sessionId, "Merchant cannot upload a catalogue", sentiment: -0.5f));

        var items = await Eventually.ValueAsync(async () =>
        {
            var queue = await Queue(agent);
            return queue.Length > 0 && queue[0].GetProperty("assignedToMe").GetBoolean() ? queue : null;
        }, "the session assigned to the agent", TimeSpan.FromSeconds(30));
        var top = items[0];
        Assert.Equal(sessionId, top.GetProperty("sessionId").GetString());
        Assert.Equal("merchant-support", top.GetProperty("group").GetString());
        Assert.Equal("Merchant cannot upload a catalogue", top.GetProperty("summary").GetString());
        Assert.True(top.GetProperty("waitingSeconds").GetInt64() >= 0);
        Assert.True(top.GetProperty("priority").GetDouble() >= 3);
        Assert.DoesNotContain(await Queue(other), i => i.GetProperty("sessionId").GetString() == sessionId);

        await PutPresence(agent, Presence("offline"));
        await PutPresence(other, Presence("offline"));
        await fixture.Tell(sessionId, SessionLifecycleKind.Closed);
    }

    [Fact]
    public async Task Picking_a_session_outside_ones_groups_is_403_and_an_unknown_one_404()
    {
        var agent = AgentClient("h-pick-agent");
        await PutPresence(agent, Presence("away", ["disputes"], 1));
        var sessionId = "h-pick-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tell(sessionId, SessionLifecycleKind.Escalated, group: "pre-sales", packet: AgentSilo.Packet(sessionId, "Sizes?"));

        using var outside = await agent.PostAsync($"/api/agents/me/queue/{sessionId}/pick", null);
        using var unknown = await agent.PostAsync("/api/agents/me/queue/no-such-session/pick", null);

        await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await fixture.Tell(sessionId, SessionLifecycleKind.Closed);
    }

    [Fact]
    public async Task An_agent_at_capacity_cannot_pick_and_another_agent_picks_a_session_away_from_its_assignee()
    {
        var full = AgentClient("h-pick-full");
        var picker = AgentClient("h-pick-picker");
        await PutPresence(full, Presence("online", ["pre-sales"], 1));
        var first = "h-pick1-" + Guid.NewGuid().ToString("N")[..8];
        var second = "h-pick2-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tell(first, SessionLifecycleKind.Escalated, group: "pre-sales", packet: AgentSilo.Packet(first, "Colours?"));
        await Eventually.UntilAsync(async () => (await Queue(full)).Any(i => i.GetProperty("sessionId").GetString() == first
            && i.GetProperty("assignedToMe").GetBoolean()), "the first session assigned", TimeSpan.FromSeconds(30));
        await fixture.Tell(second, SessionLifecycleKind.Escalated, group: "pre-sales", packet: AgentSilo.Packet(second, "Sizes?"));

        using var overCapacity = await full.PostAsync($"/api/agents/me/queue/{second}/pick", null);
        await ProblemAssert.IsProblemAsync(overCapacity, HttpStatusCode.Conflict);

        await PutPresence(picker, Presence("online", ["pre-sales"], 3));
        using var picked = await picker.PostAsync($"/api/agents/me/queue/{first}/pick", null);
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        Assert.True((await picked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignedToMe").GetBoolean());
        Assert.DoesNotContain(await Queue(full), i => i.GetProperty("sessionId").GetString() == first);

        await PutPresence(full, Presence("offline"));
        await PutPresence(picker, Presence("offline"));
        await fixture.Tell(first, SessionLifecycleKind.Closed);
        await fixture.Tell(second, SessionLifecycleKind.Closed);
    }

    [Fact]
    public async Task The_supervisor_sees_queue_lengths_waits_agent_load_handle_time_and_satisfaction()
    {
        var admin = Silo.ClientAs("h-admin", Roles.Admin);
        var agent = AgentClient("h-sup-agent");
        await PutPresence(agent, Presence("online", ["after-sales"], 3));
        var handled = "h-sup-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tell(handled, SessionLifecycleKind.Escalated, group: "after-sales", packet: AgentSilo.Packet(handled, "Where is my parcel?"));
        await fixture.Tell(handled, SessionLifecycleKind.Attached, agentId: "h-sup-agent");
        await fixture.Tell(handled, SessionLifecycleKind.Closed, note: "rating=4");
        await PutPresence(agent, Presence("away"));
        var waiting = "h-sup-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Tell(waiting, SessionLifecycleKind.Escalated, group: "after-sales", packet: AgentSilo.Packet(waiting, "Refund?"));

        var view = await admin.GetFromJsonAsync<JsonElement>("/api/agents/supervisor");

        var afterSales = view.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("group").GetString() == "after-sales");
        Assert.True(afterSales.GetProperty("length").GetInt32() >= 1);
        Assert.True(afterSales.GetProperty("longestWaitSeconds").GetInt64() >= 0);
        Assert.Equal(0, afterSales.GetProperty("slaBreaches").GetInt64());
        Assert.Equal(4, view.GetProperty("queues").GetArrayLength());
        var me = view.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "h-sup-agent");
        Assert.Equal("away", me.GetProperty("status").GetString());
        Assert.Equal(0, me.GetProperty("load").GetInt32());
        Assert.Equal(1, me.GetProperty("handled").GetInt64());
        Assert.True(me.GetProperty("averageHandleSeconds").GetDouble() >= 0);
        Assert.Equal(4, me.GetProperty("satisfaction").GetDouble());
        await fixture.Tell(waiting, SessionLifecycleKind.Closed);
    }

    [Fact]
    public async Task The_agent_endpoints_are_in_the_openapi_document()
    {
        var document = await Silo.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/agents/me/presence", document, StringComparison.Ordinal);
        Assert.Contains("/api/agents/me/queue", document, StringComparison.Ordinal);
        Assert.Contains("/api/agents/supervisor", document, StringComparison.Ordinal);
    }
}
