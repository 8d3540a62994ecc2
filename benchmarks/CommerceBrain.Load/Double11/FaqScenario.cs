namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>faq</c>: a customer opens a session (in the shop for a shop question), asks a platform or shop FAQ question in a
/// paraphrase of the driver's, and closes. The check: the bot answered itself — a reply, no hand-over, the session still
/// with the bot. The step's status code is the reply's kind (answer, clarify, form, fallback), so the report shows how
/// the paraphrases landed.
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
        var customer = run.Customers.Pick(context.Random);
        Conversation? conversation = null;
        var open = await Step.Run("open", context, async () =>
        {
            var opened = await Conversation.OpenAsync(run, customer, question.MerchantId, ct);
            conversation = opened.Value;
            return opened.Response;
        });
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

            var reply = answer.Ok.Reply;
            if (reply is null || reply.Kind == "handoff" || answer.Ok.Status != "active")
            {
                return Response.Fail("handed_over", $"FAQ {question.Id} ({(question.MerchantId is null ? "platform" : "shop")}) was handed over: status {answer.Ok.Status}");
            }

            return Response.Ok(reply, statusCode: reply.Kind, sizeBytes: answer.Response.SizeBytes);
        });
        if (ask.IsError)
        {
            return ask;
        }

        return await Step.Run("close", context, () => conversation!.CloseAsync(5, ct));
    }

    private static FaqQuestion Pick(Double11Run run, Random random)
    {
        var shop = run.ShopQuestions.Count > 0 && (run.PlatformQuestions.Count == 0 || random.NextDouble() < ShopShare);
        var list = shop ? run.ShopQuestions : run.PlatformQuestions;
        return list.Count > 0 ? list[random.Next(list.Count)] : throw new InvalidOperationException("no FAQ questions to ask");
    }
}
