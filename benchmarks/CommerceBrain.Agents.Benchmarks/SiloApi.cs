using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceBrain.Agents.Benchmarks;

/// <summary>The silo's REST endpoints the benchmark needs, over one pooled <see cref="HttpClient"/> (tokens per request).</summary>
internal sealed class SiloApi(HttpClient http)
{
    /// <summary>A token from the dev-only endpoint (the silo runs in Development).</summary>
    public async Task<string> TokenAsync(string subject, string role)
    {
        var body = await SendAsync(HttpMethod.Post, "/api/dev/tokens", null, new { subject, role, lifetimeMinutes = 240 }, HttpStatusCode.OK);
        return body.GetProperty("token").GetString()!;
    }

    public async Task<string> OpenSessionAsync(string customerToken) =>
        (await SendAsync(HttpMethod.Post, "/api/sessions", customerToken, new { channel = "web" }, HttpStatusCode.Created)).GetProperty("sessionId").GetString()!;

    /// <summary>A customer message; returns the session status after it.</summary>
    public async Task<string> SayAsync(string customerToken, string sessionId, string text, string clientMessageId) =>
        (await SendAsync(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", customerToken, new { text, clientMessageId }, HttpStatusCode.OK))
            .GetProperty("status").GetString()!;

    public Task GoOnlineAsync(string agentToken, int capacity) =>
        SendAsync(HttpMethod.Put, "/api/agents/me/presence", agentToken,
            new { status = "online", groups = new[] { "pre-sales", "after-sales", "disputes", "merchant-support" }, capacity }, HttpStatusCode.OK);

    /// <summary>
    /// The sessions the queue assigned to the agent and it has not attached yet (<c>GET /api/agents/me</c>: the agent's own
    /// grain, so a thousand agents polling do not queue up behind their group's queue grain as the queue view would).
    /// </summary>
    public async Task<IReadOnlyList<string>> AssignedAsync(string agentToken)
    {
        var body = await SendAsync(HttpMethod.Get, "/api/agents/me", agentToken, null, HttpStatusCode.OK);
        return body.GetProperty("assigned").EnumerateArray().Select(i => i.GetString()!).ToList();
    }

    /// <summary>Attaches; false when the session went to someone else or the agent is full (409/403).</summary>
    public async Task<bool> TryAttachAsync(string agentToken, string sessionId, string displayName)
    {
        using var request = Request(HttpMethod.Post, $"/api/sessions/{sessionId}/attach", agentToken, new { displayName });
        using var response = await http.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            return false;
        }

        await EnsureAsync(response, HttpStatusCode.OK, request);
        return true;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>Sends a customer message and returns the HTTP status (the load phase counts failures instead of stopping).</summary>
    public async Task<int> PostMessageAsync(string customerToken, string sessionId, string text, string clientMessageId)
    {
        using var request = Request(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", customerToken, new { text, clientMessageId });
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (int)response.StatusCode;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token, object? body, HttpStatusCode expected)
    {
        using var request = Request(method, path, token, body);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, expected, request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, HttpRequestMessage request)
    {
        if (response.StatusCode != expected)
        {
            var text = await response.Content.ReadAsStringAsync();
            throw new BenchmarkFailure($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        }
    }
}

/// <summary>A step of the benchmark that cannot go on; its message is the one line printed.</summary>
internal sealed class BenchmarkFailure(string message) : Exception(message);
