using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>order_status</c>: a customer with orders asks where their order is (one of several phrasings), the bot opens the
/// order-status form, the customer fills it with one of their real order ids (read through <c>GET /api/me/orders</c>),
/// and the answer must name that order with its status (the order card's status as the order list has it). The iteration
/// ends OK <c>answered</c> (the bot answered itself; a hand-over here is an error).
/// </summary>
public static class OrderStatusScenario
{
    private static readonly string[] Asks =
    [
        "where is my order?", "Where's my package", "I want to check my order status", "has my order shipped yet?", "我的订单到哪了",
        "track my order please", "hi, where is my parcel?",
    ];

    private static readonly string[] Fills = ["{0}", "order {0}", "it's order {0}", "订单号{0}", "the order number is {0}"];

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        (string Customer, Order Order)? pick = null;
        var orders = await Step.Run("my_orders", context, async () =>
        {
            pick = await run.Customers.OrderForStatusAsync(context.Random, ct);
            return pick is null ? Response.Fail("no_orders", "none of the customers tried has an order") : Response.Ok();
        });
        if (orders.IsError)
        {
            return orders;
        }

        var (customer, order) = pick!.Value;
        var (open, conversation) = await Conversation.OpenStepAsync(run, context, _ => Task.FromResult(customer), null);
        if (open.IsError)
        {
            return open;
        }

        MessageAnswer? asked = null;
        var ask = await Step.Run("ask", context, async () =>
        {
            var answer = await conversation!.SayAsync(Asks[context.Random.Next(Asks.Length)], ct);
            asked = answer.Value;
            return !answer.IsOk ? answer.Response
                : answer.Ok.Reply?.Kind is "form" or "answer" ? Response.Ok(statusCode: answer.Ok.Reply.Kind, sizeBytes: answer.Response.SizeBytes)
                : Response.Fail("not_understood", $"'where is my order' got a {answer.Ok.Reply?.Kind ?? "silent"} reply");
        });
        if (ask.IsError)
        {
            return await conversation!.AbandonAsync(ask);
        }

        var answered = asked!.Reply!;
        if (answered.Kind == "form")
        {
            var fill = await Step.Run("fill_form", context, async () =>
            {
                var answer = await conversation!.SayAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Fills[context.Random.Next(Fills.Length)], order.OrderId), ct);
                if (!answer.IsOk)
                {
                    return answer.Response;
                }

                answered = answer.Ok.Reply!;
                return Check(answered, order, answer.Response.SizeBytes);
            });
            if (fill.IsError)
            {
                return await conversation!.AbandonAsync(fill);
            }
        }
        else
        {
            // One recent order: the bot answered for it at once; it must be one of the customer's orders, with its status.
            var mine = await run.Customers.OrdersOfAsync(customer, ct);
            var named = mine.FirstOrDefault(o => answered.Cards?.Any(c => c.OrderId == o.OrderId) == true);
            var check = named is null ? Response.Fail("wrong_order", "the answer names none of the customer's orders") : Check(answered, named, 0);
            if (check.IsError)
            {
                return await conversation!.AbandonAsync(check);
            }
        }

        var close = await Step.Run("close", context, () => conversation!.CloseAsync(4, ct));
        return close.IsError ? close : Response.Ok(statusCode: Reporting.OutcomeSummary.Answered);
    }

    /// <summary>The answer names the order and its status: an order card for it whose status is the order's.</summary>
    public static Response Check(BotReply reply, Order order, long sizeBytes)
    {
        if (reply.Kind != "answer")
        {
            return Response.Fail("not_answered", $"the order-status form got a {reply.Kind} reply");
        }

        var card = reply.Cards?.FirstOrDefault(c => c.OrderId == order.OrderId);
        if (card is null || !reply.Text.Contains(order.OrderId, StringComparison.Ordinal))
        {
            return Response.Fail("wrong_order", "the answer does not name the order asked about");
        }

        return card.Status == order.CardStatus
            ? Response.Ok(statusCode: "answer", sizeBytes: sizeBytes)
            : Response.Fail("wrong_status", $"the answer says {card.Status}, the order is {order.CardStatus}");
    }
}
