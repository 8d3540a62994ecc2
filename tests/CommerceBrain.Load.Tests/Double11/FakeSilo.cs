using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommerceBrain.Load.Tests.Double11;

/// <summary>
/// A scripted stand-in for the silo's REST API (unit tests only): demo tokens, customers' orders, order creation and
/// shipment scans, sessions whose bot answers the refund form or hands a FAQ question over, and order read-back. Every
/// request is recorded with its body and Idempotency-Key.
/// </summary>
internal sealed class FakeSilo : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, JsonObject> orders = new();
    private readonly ConcurrentDictionary<string, int> turns = new();
    private int nextOrder;
    private int nextSession;

    /// <summary>True: the bot hands every customer message to a person (session waiting_for_agent).</summary>
    public bool HandOver { get; init; }

    public ConcurrentQueue<(string Method, string Path, string? Key, JsonNode? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        Requests.Enqueue((request.Method.Method, path, key, body));
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (request.Method.Method, parts) switch
        {
            ("POST", ["api", "dev", "tokens"]) => Json(HttpStatusCode.OK, new JsonObject { ["token"] = "t-" + (string)body!["subject"]! }),
            ("GET", ["api", "me", "orders"]) => Json(HttpStatusCode.OK, new JsonObject
            {
                ["orders"] = new JsonArray(Order("2026110100001", "c-00011", "m-003", "Completed", "sku-3-1", 4_900),
                    Order("2026110100002", "c-00011", "m-004", "Completed", "sku-4-9", 900_000)),
                ["offset"] = 0,
                ["limit"] = 20,
            }),
            ("GET", ["api", "nlu", "merchants", var merchant, "faq"]) => Json(HttpStatusCode.OK,
                new JsonObject { ["merchantId"] = merchant, ["version"] = 0, ["entries"] = new JsonArray() }),
            ("POST", ["api", "orders"]) => Create(body!),
            ("POST", ["api", "orders", var id, "shipment-events"]) => Scan(id, body!),
            ("GET", ["api", "orders", var id]) => orders.TryGetValue(id, out var order)
                ? Json(HttpStatusCode.OK, order.DeepClone())
                : Json(HttpStatusCode.NotFound, new JsonObject { ["title"] = "Not found" }),
            ("POST", ["api", "sessions"]) => Json(HttpStatusCode.Created,
                new JsonObject { ["sessionId"] = $"s{Interlocked.Increment(ref nextSession)}", ["status"] = "active" }),
            ("POST", ["api", "sessions", var session, "messages"]) => Reply(session, (string)body!["text"]!),
            ("POST", ["api", "sessions", var session, "close"]) => Json(HttpStatusCode.OK,
                new JsonObject { ["sessionId"] = session, ["status"] = "closed" }),
            _ => Json(HttpStatusCode.NotFound, new JsonObject { ["title"] = $"no route {request.Method} {path}" }),
        };
    }

    private static JsonObject Order(string id, string customer, string merchant, string status, string sku, long price) => new()
    {
        ["orderId"] = id,
        ["customerId"] = customer,
        ["merchantId"] = merchant,
        ["status"] = status,
        ["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["title"] = "Item", ["quantity"] = 1, ["unitPriceMinor"] = price }),
        ["totalMinor"] = price,
        ["refunds"] = new JsonArray(),
    };

    private HttpResponseMessage Create(JsonNode body)
    {
        var line = body["lines"]![0]!;
        var id = $"20261130{Interlocked.Increment(ref nextOrder):00000}";
        var order = Order(id, (string)body["customerId"]!, (string)body["merchantId"]!, "Paid", (string)line["sku"]!, 4_900);
        orders[id] = order;
        return Json(HttpStatusCode.Created, order.DeepClone());
    }

    private HttpResponseMessage Scan(string id, JsonNode body)
    {
        var order = orders[id];
        order["status"] = (bool)body["delivered"]! ? "Delivered" : "Shipped";
        return Json(HttpStatusCode.OK, order.DeepClone());
    }

    private HttpResponseMessage Reply(string session, string text)
    {
        if (HandOver)
        {
            return Answer(new JsonObject { ["text"] = "Let me get a colleague.", ["kind"] = "handoff" }, "waiting_for_agent");
        }

        // The refund form: the reason, the confirmation, then the refund id.
        var orderId = text.Split(' ').LastOrDefault(w => orders.ContainsKey(w));
        if (orderId is not null)
        {
            turns[session + ":order"] = int.Parse(orderId[8..], System.Globalization.CultureInfo.InvariantCulture);
        }

        var turn = turns.AddOrUpdate(session, 1, (_, n) => n + 1);
        var id = $"20261130{turns[session + ":order"]:00000}";
        return turn switch
        {
            1 => Answer(Form("What's the reason for the refund?", "Damaged or defective", "Wrong item"), "active"),
            2 => Answer(Form("Shall I request a refund?", "Yes", "No"), "active"),
            _ => Refunded(id),
        };
    }

    private HttpResponseMessage Refunded(string orderId)
    {
        var refundId = $"rf-{orderId}-1";
        ((JsonArray)orders[orderId]["refunds"]!).Add(new JsonObject
        {
            ["refundId"] = refundId, ["amountMinor"] = 4_900, ["status"] = "Requested",
        });
        return Answer(new JsonObject { ["text"] = $"Done — refund request {refundId} is submitted.", ["kind"] = "answer" }, "active");
    }

    private static JsonObject Form(string text, params string[] labels) => new()
    {
        ["text"] = text,
        ["kind"] = "form",
        ["choices"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["label"] = l, ["value"] = l })]),
    };

    private static HttpResponseMessage Answer(JsonObject reply, string status) => Json(HttpStatusCode.OK, new JsonObject
    {
        ["reply"] = reply, ["status"] = status, ["seq"] = 1, ["replayed"] = false, ["eventId"] = 2,
    });

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) => new(status)
    {
        Content = new StringContent(body.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json"),
    };
}
