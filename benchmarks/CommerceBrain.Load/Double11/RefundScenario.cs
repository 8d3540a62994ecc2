using System.Text.RegularExpressions;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>refund</c>: a customer asks for a refund of a received order (delivered or completed, no refund yet, below the
/// bot's high-value threshold, each order once per run) and walks the chat's refund form: the whole order when it has
/// several items, a reason, yes. The bot's answer names the refund id; the check reads the order back
/// (<c>GET /api/orders/{id}</c>) and finds that refund on it, then journals it.
/// </summary>
public static partial class RefundScenario
{
    private const int MaxFormTurns = 5;

    private static readonly string[] Asks = ["I want a refund for order {0}", "I'd like a refund on order {0}"];

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        (string Customer, Order Order)? pick = null;
        var find = await Step.Run("find_order", context, async () =>
        {
            pick = await run.Customers.OrderForRefundAsync(context.Random, ct);
            return pick is null ? Response.Fail("no_refundable_order", "none of the customers tried has a received order without a refund") : Response.Ok();
        });
        if (find.IsError)
        {
            return find;
        }

        var (customer, order) = pick!.Value;
        Conversation? conversation = null;
        var open = await Step.Run("open", context, async () =>
        {
            var opened = await Conversation.OpenAsync(run, customer, null, ct);
            conversation = opened.Value;
            return opened.Response;
        });
        if (open.IsError)
        {
            return open;
        }

        string? refundId = null;
        var request = await Step.Run("request", context, async () =>
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Asks[context.Random.Next(Asks.Length)], order.OrderId);
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
            return request;
        }

        var recorded = await Step.Run("recorded", context, async () =>
        {
            var read = await run.Silo.GetOrderAsync(conversation!.Token, order.OrderId, ct);
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
            return recorded;
        }

        return await Step.Run("close", context, () => conversation!.CloseAsync(5, ct));
    }

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
