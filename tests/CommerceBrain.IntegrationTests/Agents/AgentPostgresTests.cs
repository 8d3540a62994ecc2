using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>Agents, queues and session routing on PostgreSQL (Orleans' ADO.NET storage and reminders) across a silo restart.</summary>
public sealed class AgentPostgresTests
{
    [Fact]
    public async Task On_postgresql_presence_and_an_assigned_session_survive_a_silo_restart()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = database.ConnectionString,
        };
        var sessionId = "pg-s-" + Guid.NewGuid().ToString("N")[..8];
        await using (var first = await TestSilo.StartAsync(waitForNlu: false, configuration: configuration))
        {
            var agent = first.ClientAs("pg-agent", Roles.Agent);
            using var online = await agent.PutAsJsonAsync("/api/agents/me/presence", new { status = "online", groups = new[] { "disputes" }, capacity = 2 });
            Assert.Equal(HttpStatusCode.OK, online.StatusCode);
            var escalated = new SessionLifecycleEvent(sessionId, "pg-cust", SessionLifecycleKind.Escalated, 1, DateTimeOffset.UtcNow, null,
                AgentSilo.Packet(sessionId, "Seller will not refund"), "disputes", null);
            foreach (var listener in first.App.Services.GetServices<ISessionLifecycleListener>())
            {
                await listener.OnSessionEventAsync(escalated, CancellationToken.None);
            }

            await Eventually.UntilAsync(async () => await AssignedToMe(agent, sessionId), "the session assigned", TimeSpan.FromSeconds(30));
        }

        await using var second = await TestSilo.StartAsync(waitForNlu: false, configuration: configuration);
        var again = second.ClientAs("pg-agent", Roles.Agent);

        Assert.True(await AssignedToMe(again, sessionId));
        var me = await again.GetFromJsonAsync<JsonElement>("/api/agents/me");
        Assert.Equal("online", me.GetProperty("status").GetString());
        Assert.Equal(1, me.GetProperty("load").GetInt32());
        var supervisor = await second.ClientAs("pg-admin", Roles.Admin).GetFromJsonAsync<JsonElement>("/api/agents/supervisor");
        var disputes = supervisor.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("group").GetString() == "disputes");
        Assert.Equal(1, disputes.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task On_postgresql_waiting_entries_survive_a_restart_and_an_agent_reads_at_most_the_view_limit_of_them()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = database.ConnectionString,
            ["CommerceBrain:Agents:QueueViewLimit"] = "2",
        };
        var tag = Guid.NewGuid().ToString("N")[..8];
        var held = $"pgv-held-{tag}";
        var waiting = Enumerable.Range(0, 4).Select(i => $"pgv-w{i}-{tag}").ToList();
        await using (var first = await TestSilo.StartAsync(waitForNlu: false, configuration: configuration))
        {
            var agent = first.ClientAs("pgv-agent", Roles.Agent);
            using var online = await agent.PutAsJsonAsync("/api/agents/me/presence", new { status = "online", groups = new[] { "disputes", "pre-sales" }, capacity = 1 });
            Assert.Equal(HttpStatusCode.OK, online.StatusCode);
            await Escalate(first, held, "disputes");
            await Eventually.UntilAsync(async () => await AssignedToMe(agent, held), "the first session assigned", TimeSpan.FromSeconds(30));

            // The agent is full: these wait, two per group.
            for (var i = 0; i < waiting.Count; i++)
            {
                await Escalate(first, waiting[i], i % 2 == 0 ? "pre-sales" : "disputes");
            }
        }

        await using var second = await TestSilo.StartAsync(waitForNlu: false, configuration: configuration);
        var queue = await second.ClientAs("pgv-agent", Roles.Agent).GetFromJsonAsync<JsonElement>("/api/agents/me/queue");

        var items = queue.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(held, items[0].GetProperty("sessionId").GetString());
        Assert.True(items[0].GetProperty("assignedToMe").GetBoolean());
        Assert.All(items.Skip(1), i => Assert.Contains(i.GetProperty("sessionId").GetString(), waiting));
        var supervisor = await second.ClientAs("pgv-admin", Roles.Admin).GetFromJsonAsync<JsonElement>("/api/agents/supervisor");
        var queues = supervisor.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("group").GetString()!);
        Assert.Equal(3, queues["disputes"].GetProperty("length").GetInt32());
        Assert.Equal(1, queues["disputes"].GetProperty("assigned").GetInt32());
        Assert.Equal(2, queues["pre-sales"].GetProperty("length").GetInt32());
        Assert.Equal(0, queues["pre-sales"].GetProperty("assigned").GetInt32());
    }

    private static async Task Escalate(TestSilo silo, string sessionId, string group)
    {
        var escalated = new SessionLifecycleEvent(sessionId, "cust-" + sessionId, SessionLifecycleKind.Escalated, 1, DateTimeOffset.UtcNow, null,
            AgentSilo.Packet(sessionId, "Where is my parcel"), group, null);
        foreach (var listener in silo.App.Services.GetServices<ISessionLifecycleListener>())
        {
            await listener.OnSessionEventAsync(escalated, CancellationToken.None);
        }
    }

    private static async Task<bool> AssignedToMe(HttpClient agent, string sessionId)
    {
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/agents/me/queue");
        return queue.EnumerateArray().Any(i => i.GetProperty("sessionId").GetString() == sessionId && i.GetProperty("assignedToMe").GetBoolean());
    }
}
