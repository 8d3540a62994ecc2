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

    private static async Task<bool> AssignedToMe(HttpClient agent, string sessionId)
    {
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/agents/me/queue");
        return queue.EnumerateArray().Any(i => i.GetProperty("sessionId").GetString() == sessionId && i.GetProperty("assignedToMe").GetBoolean());
    }
}
