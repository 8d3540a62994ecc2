using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>handoff</c>: a customer asks for a person; the queue assigns the session to one of the run's simulated agents, who
/// attaches. The customer follows the session's live stream: <c>agent_attached</c> waits for the attach event,
/// <c>agent_reply_seen</c> measures from sending a message to the agent's reply arriving on the customer's stream, and
/// <c>resolved</c> waits for the agent to resolve the session.
/// </summary>
public static class HandoffScenario
{
    private static readonly string[] Asks =
    [
        "I want to talk to a human agent", "人工客服", "can I speak to a real person please", "转人工", "human agent please",
    ];

    private static readonly string[] Problems =
    [
        "My parcel arrived damaged and the seller is not answering.", "I was charged twice for the same order.",
        "The courier says delivered but I have nothing.", "包裹显示已签收但我没有收到。",
    ];

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        var wait = run.Options.WaitTimeout;
        var customer = run.Customers.Pick(context.Random);
        var (open, conversation) = await Conversation.OpenStepAsync(run, context, _ => Task.FromResult(customer), null);
        if (open.IsError)
        {
            return open;
        }

        long askedAt = 0;
        var ask = await Step.Run("ask_for_person", context, async () =>
        {
            var answer = await conversation!.SayAsync(Asks[context.Random.Next(Asks.Length)], ct);
            if (!answer.IsOk)
            {
                return answer.Response;
            }

            askedAt = answer.Ok.EventId;
            return answer.Ok.Status == "waiting_for_agent"
                ? answer.Response
                : Response.Fail("not_handed_over", $"asking for a person left the session {answer.Ok.Status}");
        });
        if (ask.IsError)
        {
            return await conversation!.AbandonAsync(ask);
        }

        await using var stream = await run.Silo.OpenStreamAsync(conversation!.Token, conversation.SessionId, askedAt, ct);
        var attached = await Step.Run("agent_attached", context, async () =>
        {
            var e = await stream.WaitForAsync(e => e.Kind == "attached", wait, ct);
            return Response.Ok(statusCode: "attached", message: e.AgentName);
        });
        if (attached.IsError)
        {
            return await conversation!.AbandonAsync(attached);
        }

        var reply = await Step.Run("agent_reply_seen", context, async () =>
        {
            var said = await conversation.SayAsync(Problems[context.Random.Next(Problems.Length)], ct);
            if (!said.IsOk)
            {
                return said.Response;
            }

            var sentAt = said.Ok.EventId;
            var e = await stream.WaitForAsync(e => e.EventId > sentAt && e.Lines.Any(l => l.Author == "agent"), wait, ct);
            return Response.Ok(statusCode: "replied", sizeBytes: e.Lines.Sum(l => (long)l.Text.Length));
        });
        if (reply.IsError)
        {
            return await conversation!.AbandonAsync(reply);
        }

        var resolved = await Step.Run("resolved", context, async () =>
        {
            try
            {
                var e = await stream.WaitForAsync(e => e.Status == "closed", wait, ct);
                return Response.Ok(statusCode: e.Kind);
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                // The silo may end the stream without the closing event (seen when an agent resolves): the transcript
                // is the record, so the session must read closed there.
                var session = await run.Silo.GetSessionAsync(conversation.Token, conversation.SessionId, ct);
                return !session.IsOk ? session.Response
                    : session.Ok.Status == "closed" ? Response.Ok(statusCode: "closed_in_transcript", sizeBytes: session.Response.SizeBytes)
                    : Response.Fail("not_resolved", $"the stream ended ({stream.Ended}) and the session is {session.Ok.Status}");
            }
        });
        return resolved.IsError ? await conversation.AbandonAsync(resolved) : resolved;
    }
}
