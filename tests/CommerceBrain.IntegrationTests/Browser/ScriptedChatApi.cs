using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// Answers the chat page's <c>/api</c> calls inside the browser (Playwright routes), so the page's own behaviour —
/// retries, toasts, banners, resuming, closing — is tested in isolation, the way a unit test scripts a collaborator.
/// The page and its static files still come from a real silo. End-to-end flows are in <see cref="ChatPageTests"/>.
/// </summary>
public sealed class ScriptedChatApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly object gate = new();
    private readonly List<JsonObject> transcript = [];

    /// <summary>What <c>GET /api/chat/config</c> says; false makes the page look for a #token.</summary>
    public bool Development { get; set; } = true;

    /// <summary>The session status reported by GET and by message replies without a scripted status.</summary>
    public string Status { get; set; } = "active";

    /// <summary>The body of <c>GET /api/me/orders</c>.</summary>
    public object Orders { get; set; } = Array.Empty<object>();

    /// <summary>Scripted answers to <c>POST .../messages</c>, in order; when empty the bot echoes an answer.</summary>
    public ConcurrentQueue<ScriptedAnswer> Answers { get; } = new();

    /// <summary>Every message request the page sent (retries included), in order.</summary>
    public ConcurrentQueue<SentMessage> Messages { get; } = new();

    /// <summary>Bodies of <c>POST .../close</c>.</summary>
    public ConcurrentQueue<JsonObject> Closes { get; } = new();

    /// <summary>Authorization headers of every /api call but the config and token endpoints.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public string SessionId { get; } = "0192aaaabbbbccccddddeeeeffff0000";

    /// <summary>When set, message answers wait for it: the page is caught while the bot is "typing".</summary>
    public TaskCompletionSource? HoldAnswers { get; set; }

    public int SessionsOpened { get; private set; }

    /// <summary>Adds a line as if the service side (an agent, the system) wrote it.</summary>
    public void AddLine(string author, string text)
    {
        lock (gate)
        {
            transcript.Add(new JsonObject { ["seq"] = transcript.Count + 1, ["at"] = DateTimeOffset.UtcNow, ["author"] = author, ["text"] = text });
        }
    }

    public Task AttachAsync(IPage page) => page.RouteAsync("**/api/**", Handle);

    private async Task Handle(IRoute route)
    {
        var request = route.Request;
        var path = new Uri(request.Url).AbsolutePath;
        if (path == "/api/chat/config")
        {
            await Ok(route, new { development = Development });
            return;
        }

        if (path == "/api/dev/tokens")
        {
            var body = JsonNode.Parse(request.PostData ?? "{}")!.AsObject();
            await Ok(route, new { token = $"dev.{body["subject"]}.token", expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
            return;
        }

        Authorizations.Enqueue(request.Headers.TryGetValue("authorization", out var auth) ? auth : null);
        if (path == "/api/me/orders")
        {
            await Ok(route, Orders);
        }
        else if (path == "/api/sessions" && request.Method == "POST")
        {
            SessionsOpened++;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 201,
                ContentType = "application/json",
                Body = JsonSerializer.Serialize(new { sessionId = SessionId, status = "active", channel = "web", merchantId = (string?)null }, Json),
            });
        }
        else if (path == $"/api/sessions/{SessionId}/messages")
        {
            await Message(route, JsonNode.Parse(request.PostData ?? "{}")!.AsObject());
        }
        else if (path == $"/api/sessions/{SessionId}/close")
        {
            Closes.Enqueue(JsonNode.Parse(request.PostData ?? "{}")!.AsObject());
            Status = "closed";
            await Ok(route, Session());
        }
        else if (path == $"/api/sessions/{SessionId}")
        {
            await Ok(route, Session());
        }
        else
        {
            await Problem(route, 404, "Not Found", $"No resource at '{path}'.");
        }
    }

    private async Task Message(IRoute route, JsonObject body)
    {
        var sent = new SentMessage((string?)body["text"] ?? "", (string?)body["clientMessageId"] ?? "");
        Messages.Enqueue(sent);
        if (HoldAnswers is { } hold)
        {
            await hold.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var answer = Answers.TryDequeue(out var scripted)
            ? scripted
            : ScriptedAnswer.Reply(new { text = $"You said: {sent.Text}", kind = "answer", intent = "chitchat", confidence = 0.9 });
        if (answer.Abort)
        {
            await route.AbortAsync("connectionreset");
            return;
        }

        if (answer.HttpStatus != 200)
        {
            var headers = new Dictionary<string, string>();
            if (answer.RetryAfter is { } retryAfter)
            {
                headers["Retry-After"] = retryAfter;
            }

            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = answer.HttpStatus,
                ContentType = "application/problem+json",
                Headers = headers,
                Body = JsonSerializer.Serialize(answer.Body, Json),
            });
            return;
        }

        long seq;
        lock (gate)
        {
            if (answer.Status is { } status)
            {
                Status = status;
            }

            seq = transcript.Count + 1;
            transcript.Add(new JsonObject { ["seq"] = seq, ["at"] = DateTimeOffset.UtcNow, ["author"] = "customer", ["text"] = sent.Text });
            if (answer.Body is not null)
            {
                var reply = JsonSerializer.SerializeToNode(answer.Body, Json)!;
                transcript.Add(new JsonObject
                {
                    ["seq"] = seq + 1, ["at"] = DateTimeOffset.UtcNow, ["author"] = "bot", ["text"] = reply["text"]?.DeepClone(), ["reply"] = reply,
                });
            }
        }

        await Ok(route, new { reply = answer.Body, status = Status, seq, replayed = false });
    }

    private object Session()
    {
        lock (gate)
        {
            return new
            {
                sessionId = SessionId, status = Status, channel = "web", merchantId = (string?)null, openedAt = DateTimeOffset.UtcNow,
                closedAt = (DateTimeOffset?)null, satisfaction = (int?)null, comment = (string?)null,
                transcript = new JsonArray(transcript.Select(l => (JsonNode)l.DeepClone()).ToArray()),
            };
        }
    }

    private static Task Ok(IRoute route, object body) => route.FulfillAsync(new RouteFulfillOptions
    {
        Status = 200,
        ContentType = "application/json",
        Body = JsonSerializer.Serialize(body, Json),
    });

    private static Task Problem(IRoute route, int status, string title, string detail) => route.FulfillAsync(new RouteFulfillOptions
    {
        Status = status,
        ContentType = "application/problem+json",
        Body = JsonSerializer.Serialize(new { title, detail, status }, Json),
    });
}

/// <summary>One message request as the page sent it.</summary>
public sealed record SentMessage(string Text, string ClientMessageId);

/// <summary>How the scripted API answers one message request.</summary>
public sealed record ScriptedAnswer(int HttpStatus, object? Body, string? Status = null, string? RetryAfter = null, bool Abort = false)
{
    /// <summary>200 with this reply (null: the bot is silent) and, optionally, a new session status.</summary>
    public static ScriptedAnswer Reply(object? reply, string? status = null) => new(200, reply, status);

    /// <summary>An error status with a problem+json body.</summary>
    public static ScriptedAnswer Fail(int httpStatus, object problem, string? retryAfter = null) => new(httpStatus, problem, RetryAfter: retryAfter);

    /// <summary>The connection drops: the page gets no answer at all.</summary>
    public static ScriptedAnswer Drop() => new(0, null, Abort: true);
}
