using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.IntegrationTests.Sessions;
using Microsoft.AspNetCore.TestHost;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>The live stream of a session over a real WebSocket handshake (test server): backlog, live events, resume by id.</summary>
public sealed class SessionStreamTests(AgentSessionSilo fixture) : IClassFixture<AgentSessionSilo>
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private TestSilo Silo => fixture.Silo;

    private async Task<WebSocket> ConnectAsync(string path, string? bearer = null)
    {
        var client = Silo.App.GetTestServer().CreateWebSocketClient();
        if (bearer is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {bearer}";
        }

        using var timeout = new CancellationTokenSource(ReadTimeout);
        return await client.ConnectAsync(new Uri("ws://localhost" + path), timeout.Token);
    }

    /// <summary>The next event message (pings skipped).</summary>
    private static async Task<JsonElement> NextEventAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            if (json.GetProperty("type").GetString() == "event")
            {
                return json;
            }
        }
    }

    private static async Task<List<JsonElement>> NextEventsAsync(WebSocket socket, int count)
    {
        var events = new List<JsonElement>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextEventAsync(socket));
        }

        return events;
    }

    private static long Id(JsonElement e) => e.GetProperty("eventId").GetInt64();

    private static async Task SayAsAgentAsync(HttpClient agent, string sessionId, string text, string clientMessageId)
    {
        using var response = await agent.PostAsJsonAsync($"/api/sessions/{sessionId}/agent-messages", new { text, clientMessageId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_follower_gets_events_live_and_a_reconnect_after_its_last_id_misses_nothing_and_repeats_nothing()
    {
        var chat = await Chat.OpenAsync(Silo.ClientAs("c-00001", Roles.Customer));
        await chat.SayAsync("I want to talk to a human");
        var agentToken = Silo.TokenFor("a-1", Roles.Agent);
        using var agent = Silo.ClientWithToken(agentToken);
        using (var attach = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Ann" }))
        {
            Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        }

        var seen = new List<long>();
        using (var first = await ConnectAsync($"/api/sessions/{chat.SessionId}/stream?after=0", agentToken))
        {
            var backlog = await NextEventsAsync(first, 3);
            Assert.Equal(["opened", "turn", "attached"], backlog.Select(e => e.GetProperty("kind").GetString()));
            seen.AddRange(backlog.Select(Id));

            await chat.SayAsync("my parcel never came");
            await SayAsAgentAsync(agent, chat.SessionId, "Sorry about that, checking now.", "m-1");
            var live = await NextEventsAsync(first, 2);
            Assert.Equal("customer", live[0].GetProperty("lines")[0].GetProperty("author").GetString());
            Assert.Equal("Sorry about that, checking now.", live[1].GetProperty("lines")[0].GetProperty("text").GetString());
            seen.AddRange(live.Select(Id));
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "network switch", CancellationToken.None);
        }

        // While the agent is away the conversation goes on.
        await chat.SayAsync("hello?");
        await SayAsAgentAsync(agent, chat.SessionId, "Still here.", "m-2");

        using (var second = await ConnectAsync($"/api/sessions/{chat.SessionId}/stream?after={seen[^1]}", agentToken))
        {
            var missed = await NextEventsAsync(second, 2);
            await SayAsAgentAsync(agent, chat.SessionId, "Found it: it arrives tomorrow.", "m-3");
            var live = await NextEventAsync(second);
            seen.AddRange(missed.Select(Id));
            seen.Add(Id(live));
            Assert.Equal("Found it: it arrives tomorrow.", live.GetProperty("lines")[0].GetProperty("text").GetString());
        }

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task The_customer_follows_with_an_access_token_and_sees_agent_messages_without_agent_notes()
    {
        var customerToken = Silo.TokenFor("c-00002", Roles.Customer);
        var chat = await Chat.OpenAsync(Silo.ClientWithToken(customerToken));
        await chat.SayAsync("I want to talk to a human");
        using var agent = Silo.ClientAs("a-7", Roles.Agent);
        using var socket = await ConnectAsync($"/api/sessions/{chat.SessionId}/stream?after=2&access_token={customerToken}");

        using (var attach = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Bo" }))
        {
            Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        }

        await SayAsAgentAsync(agent, chat.SessionId, "Hi, Bo here.", "m-1");
        using (var transfer = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/transfer", new { group = "disputes", note = "internal: suspects fraud" }))
        {
            Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        }

        var events = await NextEventsAsync(socket, 3);

        Assert.Equal([3L, 4, 5], events.Select(Id));
        Assert.Equal("Bo", events[0].GetProperty("agentName").GetString());
        Assert.Equal("Hi, Bo here.", events[1].GetProperty("lines")[0].GetProperty("text").GetString());
        Assert.Equal("waiting_for_agent", events[2].GetProperty("status").GetString());
        Assert.DoesNotContain("fraud", events[2].GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("agentId").ValueKind);
    }

    [Fact]
    public async Task Only_the_owner_the_attached_agent_or_an_admin_may_follow()
    {
        var chat = await Chat.OpenAsync(Silo.ClientAs("c-00003", Roles.Customer));
        var path = $"/api/sessions/{chat.SessionId}/stream";

        var stranger = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(path, Silo.TokenFor("c-00004", Roles.Customer)));
        var unattached = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(path, Silo.TokenFor("a-9", Roles.Agent)));
        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(path));
        using var admin = await ConnectAsync(path, Silo.TokenFor("admin-1", Roles.Admin));
        var opened = await NextEventAsync(admin);

        Assert.Contains("404", stranger.Message, StringComparison.Ordinal);
        Assert.Contains("404", unattached.Message, StringComparison.Ordinal);
        Assert.Contains("401", anonymous.Message, StringComparison.Ordinal);
        Assert.Equal("opened", opened.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_plain_request_or_a_bad_after_is_a_problem()
    {
        var chat = await Chat.OpenAsync(Silo.ClientAs("c-00005", Roles.Customer));

        await ProblemAssert.IsProblemAsync(await chat.Client.GetAsync($"/api/sessions/{chat.SessionId}/stream"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await chat.Client.GetAsync($"/api/sessions/{chat.SessionId}/stream?after=-1"), HttpStatusCode.BadRequest);
    }
}
