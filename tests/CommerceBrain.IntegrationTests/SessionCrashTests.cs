using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>
/// Every turn is durable before its reply goes out: a silo killed with SIGKILL during a stream of turns comes back with
/// every turn whose reply a customer received, each exactly once, and a retry of such a message replays its reply.
/// </summary>
public sealed class SessionCrashTests
{
    private const int Sessions = 4;
    private const int Target = 60;

    [Fact]
    public Task No_answered_turn_is_lost_to_a_SIGKILL_on_sqlite() => NoAnsweredTurnIsLostAsync("Sqlite", null);

    [Fact]
    public async Task No_answered_turn_is_lost_to_a_SIGKILL_on_postgresql()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await NoAnsweredTurnIsLostAsync("PostgreSql", database.ConnectionString);
    }

    private static async Task NoAnsweredTurnIsLostAsync(string storage, string? connectionString)
    {
        using var data = TempDirectory.Create();
        var answered = new ConcurrentDictionary<string, (string Session, string Text, string? Reply)>();
        var sent = new ConcurrentDictionary<string, string>();
        string[] sessions;
        string token;
        await using (var silo = SiloProcess.Serve(data.Path, storage, connectionString, Development))
        {
            using var client = await silo.WaitUntilReadyAsync();
            token = await MintCustomerTokenAsync(client, "c-00001");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            sessions = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(_ => OpenSessionAsync(client)));

            using var stop = new CancellationTokenSource();
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = sessions.Select((session, w) => Task.Run(async () =>
            {
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    var id = $"crash-{w}-{k}";
                    var text = $"how do I track my order? (message {w}.{k})";
                    sent[id] = text;
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"/api/sessions/{session}/messages",
                            new { text, clientMessageId = id }, stop.Token);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            return;
                        }

                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop.Token));
                        var reply = body.RootElement.GetProperty("reply");
                        answered[id] = (session, text, reply.ValueKind == JsonValueKind.Null ? null : reply.GetProperty("text").GetString());
                        if (answered.Count >= Target)
                        {
                            reached.TrySetResult();
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return;   // the silo is gone
                    }
                }
            })).ToArray();

            await reached.Task.WaitAsync(Eventually.DefaultTimeout);
            await silo.KillAsync();   // SIGKILL with a turn in flight on every session
            stop.Cancel();
            await Task.WhenAll(workers).WaitAsync(Eventually.DefaultTimeout);
        }

        await using var restarted = SiloProcess.Serve(data.Path, storage, connectionString, Development);
        using var after = await restarted.WaitUntilReadyAsync();
        after.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var session in sessions)
        {
            using var view = JsonDocument.Parse(await after.GetStringAsync($"/api/sessions/{session}"));
            var customerLines = view.RootElement.GetProperty("transcript").EnumerateArray()
                .Where(line => line.GetProperty("author").GetString() == "customer")
                .Select(line => line.GetProperty("text").GetString()!)
                .ToList();
            foreach (var (id, turn) in answered.Where(a => a.Value.Session == session))
            {
                Assert.True(customerLines.Count(l => l == turn.Text) == 1,
                    $"Answered message {id} must be in session {session} exactly once; stored: {string.Join(" | ", customerLines)}");
            }

            // Nothing appears that no client sent, and at most the one in-flight message per session beyond the answered.
            Assert.All(customerLines, line => Assert.Contains(line, sent.Values));
            Assert.InRange(customerLines.Count, answered.Count(a => a.Value.Session == session), answered.Count(a => a.Value.Session == session) + 1);
        }

        // A retry of an answered message after the restart replays its reply instead of taking a new turn.
        var (retryId, retried) = answered.First();
        using var replay = await after.PostAsJsonAsync($"/api/sessions/{retried.Session}/messages", new { text = retried.Text, clientMessageId = retryId });
        using var replayBody = JsonDocument.Parse(await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replayBody.RootElement.GetProperty("replayed").GetBoolean());
        var replayedReply = replayBody.RootElement.GetProperty("reply");
        Assert.Equal(retried.Reply, replayedReply.ValueKind == JsonValueKind.Null ? null : replayedReply.GetProperty("text").GetString());
    }

    private static readonly Dictionary<string, string?> Development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    private static async Task<string> MintCustomerTokenAsync(HttpClient client, string customer)
    {
        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new { subject = customer, role = "customer" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<string> OpenSessionAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/sessions", new { channel = "web" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("sessionId").GetString()!;
    }
}
