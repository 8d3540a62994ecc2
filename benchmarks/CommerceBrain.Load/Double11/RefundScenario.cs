using System.Text.RegularExpressions;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>refund</c>, the way Double 11 makes refunds: a demo customer's order is placed (<c>place_order</c>: an operator's
/// <c>POST /api/orders</c> of one demo product below the bot's high-value threshold, with an Idempotency-Key of the
/// run; journalled) and delivered (<c>deliver</c>: a carrier scan, then the delivery scan), then the customer asks the
/// chat for a refund of it and walks the refund form (<c>open</c>, <c>request</c>: the whole order when it asks which
/// item, a reason, yes). The bot's answer names the refund id; <c>recorded</c> reads the order back
/// (<c>GET /api/orders/{id}</c>), finds that refund on it and journals it; <c>close</c>. Every iteration refunds an
/// order of its own, so a long run (or a repeated one on the same database) never runs out of refundable orders.
/// </summary>
public static partial class RefundScenario
{
    /// <summary>The operator that places and ships the scenario's orders (a demo admin token).</summary>
    public const string Operator = "load-orders";

    /// <summary>The carrier of the scenario's shipments.</summary>
    public const string Carrier = "SF Express";

    private const int MaxFormTurns = 5;

    private static readonly string[] Asks = ["I want a refund for order {0}", "I'd like a refund on order {0}"];

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        var catalog = run.Catalog ?? throw new InvalidOperationException("the refund catalog was not loaded");
        var customer = run.Customers.Pick(context.Random);
        var product = catalog.Pick(context.Random);
        Order? order = null;
        var place = await Step.Run("place_order", context, async () =>
        {
            var admin = await run.Silo.TokenAsync(Operator, "admin", ct);
            var key = run.NextId("o");
            var created = await run.Silo.CreateOrderAsync(admin, customer, product.MerchantId, product.Sku, 1, ShippingAddress(customer), key, ct);
            if (!created.IsOk)
            {
                return created.Response;
            }

            order = created.Ok;
            run.Journal.Append(new JournalEntry(JournalKinds.Order, customer, TimeProvider.System.GetUtcNow(), OrderId: order.OrderId, IdempotencyKey: key));
            return CheckPlaced(order, customer, run.Options.RefundMaxTotalMinor) ?? created.Response;
        });
        if (place.IsError)
        {
            return place;
        }

        var deliver = await Step.Run("deliver", context, async () =>
        {
            var admin = await run.Silo.TokenAsync(Operator, "admin", ct);
            var result = (Response?)null;
            foreach (var scan in Scans(order!.OrderId))
            {
                var scanned = await run.Silo.ShipmentEventAsync(admin, order.OrderId, scan.Carrier, scan.TrackingNumber, scan.Location, scan.Description,
                    scan.Delivered, ct);
                if (!scanned.IsOk)
                {
                    return scanned.Response;
                }

                order = scanned.Ok;
                result = scanned.Response;
            }

            return order.Status == "Delivered"
                ? Response.Ok(statusCode: "delivered", sizeBytes: result!.SizeBytes)
                : Response.Fail("not_delivered", $"the delivery scan left the order {order.Status}");
        });
        if (deliver.IsError)
        {
            return deliver;
        }

        var (open, conversation) = await Conversation.OpenStepAsync(run, context, _ => Task.FromResult(customer), null);
        if (open.IsError)
        {
            return open;
        }

        string? refundId = null;
        var request = await Step.Run("request", context, async () =>
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Asks[context.Random.Next(Asks.Length)], order!.OrderId);
            for (var turn = 0; turn < MaxFormTurns; turn++)
            {
                var answer = await conversation!.SayAsync(text, ct);
                if (!answer.IsOk)
                {
                    return answer.Response;
                }

                var reply = answer.Ok.Reply;
                if (reply is null || reply.Kind == "handoff")
                {
                    return Response.Fail("handed_over", $"the refund of a {order.Status} order was handed over");
                }

                if (reply.Kind != "form")
                {
                    refundId = RefundIdIn(reply.Text);
                    return refundId is null
                        ? Response.Fail("no_refund", $"the refund form ended in a {reply.Kind} reply without a refund id")
                        : Response.Ok(statusCode: "requested", sizeBytes: answer.Response.SizeBytes);
                }

                text = NextAnswer(reply, context.Random);
            }

            return Response.Fail("form_too_long", $"the refund form was still asking after {MaxFormTurns} turns");
        });
        if (request.IsError)
        {
            return await conversation!.AbandonAsync(request);
        }

        var recorded = await Step.Run("recorded", context, async () =>
        {
            var read = await run.Silo.GetOrderAsync(conversation!.Token, order!.OrderId, ct);
            if (!read.IsOk)
            {
                return read.Response;
            }

            if (read.Ok.Refunds.All(r => r.RefundId != refundId))
            {
                return Response.Fail("refund_missing", "the refund the bot reported is not on the order");
            }

            run.Journal.Append(new JournalEntry(JournalKinds.Refund, customer, TimeProvider.System.GetUtcNow(), SessionId: conversation.SessionId,
                OrderId: order.OrderId, RefundId: refundId));
            return read.Response;
        });
        if (recorded.IsError)
        {
            return await conversation!.AbandonAsync(recorded);
        }

        var close = await Step.Run("close", context, () => conversation!.CloseAsync(5, ct));
        return close.IsError ? close : Response.Ok(statusCode: "refund_requested");
    }

    /// <summary>
    /// Why a placed order does not fit the scenario (null when it does): it must be the customer's, paid, and below
    /// the bot's high-value threshold (<paramref name="maxTotalMinor"/>), or the bot would hand its refund to a person.
    /// </summary>
    public static Response? CheckPlaced(Order order, string customer, long maxTotalMinor)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.CustomerId != customer)
        {
            return Response.Fail("wrong_order", $"POST /api/orders answered an order of another customer ({order.Status})");
        }

        if (order.Status != "Paid")
        {
            return Response.Fail("not_paid", $"POST /api/orders answered a {order.Status} order");
        }

        return order.TotalMinor >= maxTotalMinor
            ? Response.Fail("high_value_order", $"the placed order's total is at or above the high-value threshold {maxTotalMinor}")
            : null;
    }

    /// <summary>The carrier scans that take a paid order to Delivered: a pick-up scan (naming carrier and tracking number), then the delivery scan.</summary>
    public static IReadOnlyList<ShipmentScan> Scans(string orderId) =>
    [
        new(Carrier, "SF" + orderId, "Hangzhou sorting centre", "Picked up by the courier", false),
        new(null, null, "Customer's address", "Delivered, signed for by the customer", true),
    ];

    /// <summary>A demo shipping address for <paramref name="customer"/>.</summary>
    public static string ShippingAddress(string customer) => $"{customer}, 1 Double Eleven Road, Hangzhou";

    /// <summary>
    /// The customer's answer to a form question: the whole order when asked which item, yes when asked to confirm,
    /// otherwise one of the offered reasons (quick replies are matched by label).
    /// </summary>
    public static string NextAnswer(BotReply reply, Random random)
    {
        var labels = reply.Choices?.Select(c => c.Label).OfType<string>().ToList() ?? [];
        if (labels.Count == 0)
        {
            return "it arrived damaged";
        }

        if (labels.Any(l => l is "Yes" or "确认"))
        {
            return labels.First(l => l is "Yes" or "确认");
        }

        if (labels.FirstOrDefault(l => l is "The whole order" or "整单退款") is { } whole)
        {
            return whole;
        }

        return labels[random.Next(labels.Count)];
    }

    /// <summary>The refund id (<c>rf-&lt;order&gt;-&lt;n&gt;</c>) in the bot's answer, for a new or an already open refund.</summary>
    public static string? RefundIdIn(string text) => RefundId().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\brf-\d+-\d+\b")]
    private static partial Regex RefundId();
}
