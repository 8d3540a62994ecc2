using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// Typed calls to the silo's REST API for the Double-11 profile, over the run's shared handler (pooled connections).
/// Every call returns a <see cref="SiloResult{T}"/>: an expected status gives the value and <c>Response.Ok</c> with the
/// HTTP status as its status code; any other status gives <c>Response.Fail(status, title: detail)</c> from the problem
/// document; transport failures become <c>connection_refused</c>, <c>connection_error</c> or <c>timeout</c>.
/// Tokens come from the Development-only <c>POST /api/dev/tokens</c> and are cached per subject and role.
/// </summary>
public sealed class SiloClient : IDisposable
{
    /// <summary>Skill groups simulated agents serve (all the escalation groups).</summary>
    public static readonly IReadOnlyList<string> AgentGroups = ["pre-sales", "after-sales", "disputes", "merchant-support"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<(string Subject, string Role), Lazy<Task<string>>> tokens = new();

    /// <summary>A client of <paramref name="target"/> over <paramref name="handler"/> (not disposed with the client).</summary>
    public SiloClient(Uri target, HttpMessageHandler handler, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(handler);
        Target = target;
        http = new HttpClient(handler, disposeHandler: false) { BaseAddress = target, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>The silo's base address.</summary>
    public Uri Target { get; }

    /// <summary>A bearer token for <paramref name="subject"/> in <paramref name="role"/> (customer, agent, admin); minted once, then cached.</summary>
    public async Task<string> TokenAsync(string subject, string role, CancellationToken cancellationToken)
    {
        var lazy = tokens.GetOrAdd((subject, role), key => new Lazy<Task<string>>(() => MintAsync(key.Subject, key.Role, cancellationToken)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed mint is not cached: the next iteration asks again.
            tokens.TryRemove(new KeyValuePair<(string, string), Lazy<Task<string>>>((subject, role), lazy));
            throw;
        }
    }

    private async Task<string> MintAsync(string subject, string role, CancellationToken cancellationToken)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Post, "/api/dev/tokens", null, new { subject, role, lifetimeMinutes = 240 },
            cancellationToken, expected: [HttpStatusCode.OK]);
        if (!result.IsOk)
        {
            throw new SiloCallException($"POST /api/dev/tokens for {role} {subject}: {result.Response.StatusCode} {result.Response.Message}"
                + " (the silo must run in Development for demo tokens)");
        }

        return result.Ok.GetProperty("token").GetString()!;
    }

    /// <summary><c>POST /api/sessions</c> (in a shop when <paramref name="merchantId"/> is set) → 201.</summary>
    public Task<SiloResult<OpenedSession>> OpenSessionAsync(string token, string? merchantId, CancellationToken cancellationToken) =>
        SendAsync<OpenedSession>(HttpMethod.Post, "/api/sessions", token, new { merchantId, channel = "web" }, cancellationToken, [HttpStatusCode.Created]);

    /// <summary><c>POST /api/sessions/{id}/messages</c> → 200 with the bot's reply and the event id.</summary>
    public Task<SiloResult<MessageAnswer>> SendMessageAsync(string token, string sessionId, string text, string clientMessageId,
        CancellationToken cancellationToken) =>
        SendAsync<MessageAnswer>(HttpMethod.Post, $"/api/sessions/{Uri.EscapeDataString(sessionId)}/messages", token, new { text, clientMessageId },
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>GET /api/sessions/{id}</c> → 200 with status and transcript.</summary>
    public Task<SiloResult<SessionView>> GetSessionAsync(string token, string sessionId, CancellationToken cancellationToken) =>
        SendAsync<SessionView>(HttpMethod.Get, $"/api/sessions/{Uri.EscapeDataString(sessionId)}", token, null, cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>POST /api/sessions/{id}/close</c> → 200.</summary>
    public Task<SiloResult<JsonElement>> CloseSessionAsync(string token, string sessionId, int satisfaction, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/sessions/{Uri.EscapeDataString(sessionId)}/close", token, new { satisfaction },
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>GET /api/me/orders</c> → 200, newest first.</summary>
    public Task<SiloResult<OrderPage>> MyOrdersAsync(string token, int limit, CancellationToken cancellationToken) =>
        SendAsync<OrderPage>(HttpMethod.Get, $"/api/me/orders?limit={limit}", token, null, cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>GET /api/orders/{id}</c> → 200 with items and refunds.</summary>
    public Task<SiloResult<Order>> GetOrderAsync(string token, string orderId, CancellationToken cancellationToken) =>
        SendAsync<Order>(HttpMethod.Get, $"/api/orders/{Uri.EscapeDataString(orderId)}", token, null, cancellationToken, [HttpStatusCode.OK]);

    /// <summary>
    /// <c>POST /api/orders</c> (an operator's or the shop's token) with an <c>Idempotency-Key</c>: a paid order of
    /// <paramref name="quantity"/> × <paramref name="sku"/> for <paramref name="customerId"/> → 201 (200: the key's order again).
    /// </summary>
    public Task<SiloResult<Order>> CreateOrderAsync(string token, string customerId, string merchantId, string sku, int quantity, string shippingAddress,
        string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<Order>(HttpMethod.Post, "/api/orders", token, new
        {
            customerId,
            merchantId,
            lines = new[] { new { sku, quantity } },
            shippingAddress,
            status = "paid",
        }, cancellationToken, [HttpStatusCode.Created, HttpStatusCode.OK], headers: [("Idempotency-Key", idempotencyKey)]);

    /// <summary><c>POST /api/orders/{id}/shipment-events</c> (the shop's or an operator's token): a carrier scan → 200 with the order.</summary>
    public Task<SiloResult<Order>> ShipmentEventAsync(string token, string orderId, string? carrier, string? trackingNumber, string location,
        string description, bool delivered, CancellationToken cancellationToken) =>
        SendAsync<Order>(HttpMethod.Post, $"/api/orders/{Uri.EscapeDataString(orderId)}/shipment-events", token, new
        {
            carrier,
            trackingNumber,
            location,
            description,
            delivered,
        }, cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>PUT /api/agents/me/presence</c> → 200.</summary>
    public Task<SiloResult<AgentView>> SetPresenceAsync(string agentToken, string status, int capacity, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(HttpMethod.Put, "/api/agents/me/presence", agentToken, new { status, groups = AgentGroups, capacity },
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>GET /api/agents/me</c> → 200: the agent's own grain (cheap to poll, unlike the group queue).</summary>
    public Task<SiloResult<AgentView>> AgentMeAsync(string agentToken, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(HttpMethod.Get, "/api/agents/me", agentToken, null, cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>POST /api/agents/me/queue/{sessionId}/pick</c> → 200 (a waiting session of the agent's groups, taken by hand).</summary>
    public Task<SiloResult<JsonElement>> PickAsync(string agentToken, string sessionId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/agents/me/queue/{Uri.EscapeDataString(sessionId)}/pick", agentToken, null,
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>POST /api/sessions/{id}/attach</c> → 200; 409 when another agent holds it or the session is no longer waiting.</summary>
    public Task<SiloResult<AttachAnswer>> AttachAsync(string agentToken, string sessionId, string displayName, CancellationToken cancellationToken) =>
        SendAsync<AttachAnswer>(HttpMethod.Post, $"/api/sessions/{Uri.EscapeDataString(sessionId)}/attach", agentToken, new { displayName },
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>POST /api/sessions/{id}/agent-messages</c> → 201 (200 for a retried id).</summary>
    public Task<SiloResult<AgentMessageAnswer>> AgentMessageAsync(string agentToken, string sessionId, string text, string clientMessageId,
        CancellationToken cancellationToken) =>
        SendAsync<AgentMessageAnswer>(HttpMethod.Post, $"/api/sessions/{Uri.EscapeDataString(sessionId)}/agent-messages", agentToken,
            new { text, clientMessageId }, cancellationToken, [HttpStatusCode.Created, HttpStatusCode.OK]);

    /// <summary><c>POST /api/sessions/{id}/resolve</c> → 200 (the session closes).</summary>
    public Task<SiloResult<JsonElement>> ResolveAsync(string agentToken, string sessionId, string resolutionCode, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/sessions/{Uri.EscapeDataString(sessionId)}/resolve", agentToken, new { resolutionCode },
            cancellationToken, [HttpStatusCode.OK]);

    /// <summary>
    /// Opens the session's live stream (<c>GET /api/sessions/{id}/stream?after=</c>, a WebSocket): the events after
    /// <paramref name="after"/>, then live ones.
    /// </summary>
    public async Task<SessionStream> OpenStreamAsync(string token, string sessionId, long after, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        var uri = new UriBuilder(Target)
        {
            Scheme = Target.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = $"/api/sessions/{Uri.EscapeDataString(sessionId)}/stream",
            Query = $"after={after}",
        }.Uri;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new SessionStream(socket);
    }

    /// <summary><c>POST /api/campaigns</c> (admin) → 201: a one-tier campaign open from a minute ago for a day.</summary>
    public Task<SiloResult<CampaignView>> CreateCampaignAsync(string adminToken, string name, long budget, long faceValue, int perUserLimit,
        int shards, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync<CampaignView>(HttpMethod.Post, "/api/campaigns", adminToken, new
        {
            name,
            budget,
            tiers = new[] { new { faceValue, minSpend = 0L } },
            perUserLimit,
            startsAt = now.AddMinutes(-1),
            endsAt = now.AddDays(1),
            shards,
        }, cancellationToken, [HttpStatusCode.Created]);

    /// <summary>
    /// <c>POST /api/campaigns/{id}/claims</c> with an <c>Idempotency-Key</c>: 201 granted, 200 the key's coupon again,
    /// 409 denied (a valid outcome: <see cref="ClaimOutcome.DeniedReason"/>, status code <c>denied_&lt;reason&gt;</c>);
    /// anything else (429 with Retry-After included) fails.
    /// </summary>
    public async Task<SiloResult<ClaimOutcome>> ClaimAsync(string token, string campaignId, string idempotencyKey, string channel,
        CancellationToken cancellationToken)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Post, $"/api/campaigns/{Uri.EscapeDataString(campaignId)}/claims", token,
            new { channel }, cancellationToken, [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict],
            headers: [("Idempotency-Key", idempotencyKey)]);
        if (!result.IsOk)
        {
            return result.As<ClaimOutcome>();
        }

        var body = result.Ok;
        if (result.Response.StatusCode == "409")
        {
            var reason = body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "denied";
            return new(new ClaimOutcome(null, false, reason), Response.Ok(statusCode: "denied_" + reason, sizeBytes: result.Response.SizeBytes));
        }

        return new(new ClaimOutcome(body.GetProperty("couponId").GetString(), result.Response.StatusCode == "200", null), result.Response);
    }

    /// <summary><c>GET /api/me/coupons</c> → 200.</summary>
    public Task<SiloResult<List<CustomerCoupon>>> MyCouponsAsync(string token, CancellationToken cancellationToken) =>
        SendAsync<List<CustomerCoupon>>(HttpMethod.Get, "/api/me/coupons", token, null, cancellationToken, [HttpStatusCode.OK]);

    /// <summary><c>GET /api/nlu/merchants/{id}/faq</c> → 200 (version 0 and no entries for a shop without a FAQ).</summary>
    public Task<SiloResult<MerchantFaq>> MerchantFaqAsync(string token, string merchantId, CancellationToken cancellationToken) =>
        SendAsync<MerchantFaq>(HttpMethod.Get, $"/api/nlu/merchants/{Uri.EscapeDataString(merchantId)}/faq", token, null, cancellationToken,
            [HttpStatusCode.OK]);

    private async Task<SiloResult<T>> SendAsync<T>(HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken,
        HttpStatusCode[] expected, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        byte[] bytes;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(default, Response.Fail("timeout", $"{method} {RouteOf(path)}: no answer within {http.Timeout.TotalSeconds:0} s"));
        }
        catch (HttpRequestException ex)
        {
            var refused = ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
            return new(default, Response.Fail(refused ? "connection_refused" : "connection_error", $"{method} {RouteOf(path)}: {ex.Message}"));
        }

        using (response)
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!expected.Contains(response.StatusCode))
            {
                return new(default, Response.Fail(status, $"{method} {RouteOf(path)}: {Problem(bytes, response)}", bytes.Length));
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(bytes, Json);
                return value is null
                    ? new(default, Response.Fail("bad_body", $"{method} {RouteOf(path)}: an empty body"))
                    : new(value, Response.Ok(statusCode: status, sizeBytes: bytes.Length));
            }
            catch (JsonException ex)
            {
                return new(default, Response.Fail("bad_body", $"{method} {RouteOf(path)}: {ex.Message}", bytes.Length));
            }
        }
    }

    // "title: detail" of a problem document; the error table groups by message, so it names the route, not the ids in it.
    private static string Problem(byte[] bytes, HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter is { } r ? $" (Retry-After {r.Delta?.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? r.Date?.ToString("O")})" : "";
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var text = (title, detail) switch
            {
                (not null, not null) => $"{title}: {detail}",
                (not null, null) => title,
                (null, not null) => detail,
                _ => response.ReasonPhrase ?? "no reason",
            };
            return text + retry;
        }
        catch (JsonException)
        {
            return (response.ReasonPhrase ?? "no reason") + retry;
        }
    }

    private static string RouteOf(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        // Session, order, campaign and agent ids vary per call; the route is what groups errors.
        var parts = bare.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0 && parts[i - 1] is "sessions" or "orders" or "campaigns" or "merchants" or "queue" && parts[i].Length > 0)
            {
                parts[i] = "{id}";
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Disposes the HTTP client (not the shared handler).</summary>
    public void Dispose() => http.Dispose();
}
