using CommerceBrain.Load.Double11.Api;
using CommerceBrain.Load.Reporting;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>faq</c>: a customer opens a session (in the shop for a shop question), asks a platform or shop FAQ question in a
/// paraphrase of the driver's, and closes (customers without a high-value recent order: see
/// <see cref="DemoCustomers.PickForFaqAsync"/>). Both ends of the question are the product working as designed: the bot
/// answers itself (the <c>ask</c> step's status is the reply's kind: answer, clarify, form, fallback), or it is not sure
/// of the paraphrase and hands the session to a person (status <c>handed_over</c>; the NLU's quality is measured
/// elsewhere). The customer then closes the session either way, so a handed-over one leaves the agents' queue at once.
/// The iteration ends <c>answered</c> or <c>handed_over</c>: the report's outcomes give the automation share.
/// </summary>
public static class FaqScenario
{
    /// <summary>Share of questions taken from the shops' FAQs (when the shops have any).</summary>
    public const double ShopShare = 0.3;

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        var question = Pick(run, context.Random);
        var text = Paraphraser.Paraphrase(question.Question, context.Random);
        var (open, conversation) = await Conversation.OpenStepAsync(run, context,
            token => run.Customers.PickForFaqAsync(context.Random, token), question.MerchantId);
        if (open.IsError)
        {
            return open;
        }

        var ask = await Step.Run("ask", context, async () =>
        {
            var answer = await conversation!.SayAsync(text, ct);
            if (!answer.IsOk)
            {
                return answer.Response;
            }

            return Outcome(answer.Ok, answer.Response.SizeBytes);
        });
        if (ask.IsError)
        {
            return await conversation!.AbandonAsync(ask);
        }

        var close = await Step.Run("close", context, () => conversation!.CloseAsync(5, ct));
        if (close.IsError)
        {
            return close;
        }

        if (ask.StatusCode == OutcomeSummary.HandedOver)
        {
            context.Log.WriteLine($"faq: {question.Id} ({(question.MerchantId is null ? "platform" : "shop")}) handed over: \"{text}\"");
        }

        return Response.Ok(statusCode: ask.StatusCode == OutcomeSummary.HandedOver ? OutcomeSummary.HandedOver : OutcomeSummary.Answered);
    }

    /// <summary>
    /// The <c>ask</c> step's outcome: the reply's kind when the bot answered itself and the session is still with it,
    /// <c>handed_over</c> when the bot gave it to a person (a hand-over reply, or the session waiting for an agent).
    /// </summary>
    public static Response Outcome(MessageAnswer answer, long sizeBytes)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var reply = answer.Reply;
        return reply is null || reply.Kind == "handoff" || answer.Status != "active"
            ? Response.Ok(statusCode: OutcomeSummary.HandedOver, sizeBytes: sizeBytes, message: answer.Status)
            : Response.Ok(reply, statusCode: reply.Kind, sizeBytes: sizeBytes);
    }

    private static FaqQuestion Pick(Double11Run run, Random random)
    {
        var shop = run.ShopQuestions.Count > 0 && (run.PlatformQuestions.Count == 0 || random.NextDouble() < ShopShare);
        var list = shop ? run.ShopQuestions : run.PlatformQuestions;
        return list.Count > 0 ? list[random.Next(list.Count)] : throw new InvalidOperationException("no FAQ questions to ask");
    }
}
