using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.IntegrationTests.Sessions;
using Xunit.Abstractions;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// An agent on one silo following a session whose grain lives on the other: two real silo processes on one PostgreSQL
/// database; the customer talks through silo A, the agent attaches, follows and answers through silo B. The session
/// grain's home is read from each silo's own <c>orleans_grains{grain_type="session"}</c> gauge.
/// </summary>
public sealed class ClusterAgentStreamTests(ITestOutputHelper output)
{
    // Orleans' grain type name of SessionGrain: the label in /metrics.
    private const string SessionGrainType = "session";

    // Placement usually keeps a grain on the silo its first call came through but may not; this many tries find one on A.
    private const int MaximumSessionTries = 16;

    [Fact]
    public async Task An_agent_on_silo_B_follows_a_session_living_on_silo_A_live_in_order_and_resumes_without_gaps_or_repeats()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = "agents-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        await using var b = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        var readyA = a.Process.WaitUntilReadyAsync();
        var readyB = b.Process.WaitUntilReadyAsync();
        using var siloA = await readyA;
        using var siloB = await readyB;
        await ActiveAsync(database, clusterId, a);
        await ActiveAsync(database, clusterId, b);

        var (chat, customerToken, onA, onB) = await OpenSessionLivingOnAAsync(siloA, siloB);
        output.WriteLine($"Session {chat.SessionId} lives on A ({onA} session activation(s) on A, {onB} on B).");

        // The customer follows on A from the start; then asks for a person.
        await using var customerStream = await LiveSessionStream.OpenAsync(siloA.BaseAddress!, chat.SessionId, 0, customerToken);
        Assert.Equal("opened", (await customerStream.NextEventAsync()).GetProperty("kind").GetString());
        var escalation = await chat.SayAsync("I want to talk to a human");
        Assert.Equal("waiting_for_agent", escalation.GetProperty("status").GetString());

        // The agent goes online on B, sees the session in its queue there and attaches through B.
        const string agentId = "a-cluster-b";
        var agentToken = TestTokens.For(agentId, Roles.Agent);
        using var agent = new HttpClient { BaseAddress = siloB.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentToken);
        using (var online = await agent.PutAsJsonAsync("/api/agents/me/presence", new { status = "online", groups = new[] { "pre-sales", "after-sales", "disputes", "merchant-support" }, capacity = 2 }))
        {
            Assert.True(online.StatusCode == HttpStatusCode.OK, await online.Content.ReadAsStringAsync());
        }

        await Eventually.UntilAsync(async () =>
        {
            var queue = await agent.GetFromJsonAsync<JsonElement>("/api/agents/me/queue");
            return queue.EnumerateArray().Any(i => i.GetProperty("sessionId").GetString() == chat.SessionId);
        }, "the escalated session in the agent's queue on B");
        using (var attach = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Bea" }))
        {
            Assert.True(attach.StatusCode == HttpStatusCode.OK, await attach.Content.ReadAsStringAsync());
        }

        var seen = new List<long>();
        var agentStream = await LiveSessionStream.OpenAsync(siloB.BaseAddress!, chat.SessionId, 0, agentToken);
        try
        {
            var backlog = await agentStream.NextEventsAsync(3);
            Assert.Equal(["opened", "turn", "attached"], backlog.Select(Kind));
            seen.AddRange(backlog.Select(Id));

            // Customer messages sent on A arrive live on B's stream, in the order sent.
            string[] customerTexts = ["my parcel never came", "order placed last week", "tracking shows nothing", "please help"];
            foreach (var text in customerTexts)
            {
                await chat.SayAsync(text);
            }

            var live = await agentStream.NextEventsAsync(customerTexts.Length);
            Assert.Equal(customerTexts, live.Select(e => LineOf(e, "customer")));
            seen.AddRange(live.Select(Id));

            // The agent answers through B; the customer sees it live on A and in the session read through A.
            await SayAsAgentAsync(agent, chat.SessionId, "Sorry about that, checking now.", "m-1");
            var reply = await agentStream.NextEventAsync();
            Assert.Equal("Sorry about that, checking now.", LineOf(reply, "agent"));
            seen.Add(Id(reply));
            await agentStream.CloseAsync();
        }
        finally
        {
            await agentStream.DisposeAsync();
        }

        var customerSees = await NextWithAuthorAsync(customerStream, "agent");
        Assert.Equal("Sorry about that, checking now.", LineOf(customerSees, "agent"));
        Assert.Equal(seen[^1], Id(customerSees));
        var session = await CustomerGetAsync(siloA, customerToken, chat.SessionId);
        Assert.Contains(session.GetProperty("transcript").EnumerateArray(),
            l => l.GetProperty("author").GetString() == "agent" && l.GetProperty("text").GetString() == "Sorry about that, checking now.");
        Assert.Equal("Bea", session.GetProperty("agentName").GetString());

        // While the agent's socket is down the conversation goes on; the reconnect on B resumes after the last id.
        await chat.SayAsync("hello?");
        await SayAsAgentAsync(agent, chat.SessionId, "Still here.", "m-2");
        await using (var resumed = await LiveSessionStream.OpenAsync(siloB.BaseAddress!, chat.SessionId, seen[^1], agentToken))
        {
            var missed = await resumed.NextEventsAsync(2);
            Assert.Equal("hello?", LineOf(missed[0], "customer"));
            Assert.Equal("Still here.", LineOf(missed[1], "agent"));
            seen.AddRange(missed.Select(Id));

            await chat.SayAsync("thanks");
            var after = await resumed.NextEventAsync();
            Assert.Equal("thanks", LineOf(after, "customer"));
            seen.Add(Id(after));
        }

        // Every event id once, in order, up to the session's last: nothing missed, nothing doubled.
        session = await CustomerGetAsync(siloA, customerToken, chat.SessionId);
        var lastEventId = session.GetProperty("lastEventId").GetInt64();
        Assert.Equal(Enumerable.Range(1, (int)lastEventId).Select(i => (long)i), seen);

        // The grain never moved: still one more session activation on A than before, none new on B.
        Assert.Equal((onA, onB), (await SiloMetrics.ActivationsAsync(siloA, SessionGrainType), await SiloMetrics.ActivationsAsync(siloB, SessionGrainType)));
    }

    /// <summary>
    /// Opens sessions through A (one customer each) until one of them is activated on A; returns it with its customer's
    /// token and both silos' session activation counts at that moment.
    /// </summary>
    private async Task<(Chat Chat, string Token, int OnA, int OnB)> OpenSessionLivingOnAAsync(HttpClient siloA, HttpClient siloB)
    {
        int onA = 0, onB = 0;
        for (var i = 1; i <= MaximumSessionTries; i++)
        {
            var token = TestTokens.For($"c-cluster-{i:00}", Roles.Customer);
            var client = new HttpClient { BaseAddress = siloA.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var chat = await Chat.OpenAsync(client);
            var before = onA;
            // The scrape is cached for a moment: wait until it accounts for every session opened so far.
            await Eventually.UntilAsync(async () =>
            {
                onA = await SiloMetrics.ActivationsAsync(siloA, SessionGrainType);
                onB = await SiloMetrics.ActivationsAsync(siloB, SessionGrainType);
                return onA + onB >= i;
            }, $"the silos' metrics to show {i} session activation(s)");
            if (onA > before)
            {
                return (chat, token, onA, onB);
            }

            output.WriteLine($"Session {chat.SessionId} was placed on B; trying another.");
            client.Dispose();
        }

        Assert.Fail($"None of {MaximumSessionTries} sessions opened through A was activated on A ({onA} on A, {onB} on B).");
        return default;
    }

    private static async Task<JsonElement> NextWithAuthorAsync(LiveSessionStream stream, string author)
    {
        while (true)
        {
            var e = await stream.NextEventAsync();
            if (e.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("author").GetString() == author))
            {
                return e;
            }
        }
    }

    private static async Task<JsonElement> CustomerGetAsync(HttpClient silo, string token, string sessionId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await silo.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task SayAsAgentAsync(HttpClient agent, string sessionId, string text, string clientMessageId)
    {
        using var response = await agent.PostAsJsonAsync($"/api/sessions/{sessionId}/agent-messages", new { text, clientMessageId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Task ActiveAsync(PostgresTestDatabase database, string clusterId, ClusterSilo silo) =>
        Eventually.UntilAsync(
            async () => await MembershipTable.StatusAsync(database.ConnectionString, clusterId, silo.SiloPort) == MembershipTable.Active,
            $"the silo on port {silo.SiloPort} to be Active in the membership table");

    private static long Id(JsonElement e) => e.GetProperty("eventId").GetInt64();

    private static string? Kind(JsonElement e) => e.GetProperty("kind").GetString();

    /// <summary>The text of the event's line by <paramref name="author"/> (the event's only line from them).</summary>
    private static string? LineOf(JsonElement e, string author) =>
        e.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("author").GetString() == author)
            .Select(l => l.GetProperty("text").GetString()).SingleOrDefault();
}
