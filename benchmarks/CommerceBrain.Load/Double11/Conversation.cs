using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// A customer's session as the scenarios drive it: opened in <see cref="OpenAsync"/>, every message the silo answered
/// journalled (session, client message id, event id, text) so <c>verify</c> can find it in the transcript afterwards.
/// </summary>
public sealed class Conversation
{
    private readonly Double11Run run;

    private Conversation(Double11Run run, string customer, string token, string sessionId)
    {
        this.run = run;
        Customer = customer;
        Token = token;
        SessionId = sessionId;
    }

    /// <summary>The customer (token subject).</summary>
    public string Customer { get; }

    /// <summary>The customer's bearer token.</summary>
    public string Token { get; }

    /// <summary>The session id.</summary>
    public string SessionId { get; }

    /// <summary>Opens a session for <paramref name="customer"/> (in a shop when <paramref name="merchantId"/> is set).</summary>
    public static async Task<SiloResult<Conversation>> OpenAsync(Double11Run run, string customer, string? merchantId, CancellationToken cancellationToken)
    {
        var token = await run.Silo.TokenAsync(customer, "customer", cancellationToken);
        var opened = await run.Silo.OpenSessionAsync(token, merchantId, cancellationToken);
        return opened.IsOk
            ? new(new Conversation(run, customer, token, opened.Ok.SessionId), opened.Response)
            : opened.As<Conversation>();
    }

    /// <summary>
    /// A scenario's <c>open</c> step: the session opening, timed and checked; the conversation when it succeeded.
    /// <paramref name="customer"/> runs inside the step (picking one may call the silo too).
    /// </summary>
    public static async Task<(Response Response, Conversation? Conversation)> OpenStepAsync(
        Double11Run run, IScenarioContext context, Func<CancellationToken, Task<string>> customer, string? merchantId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        Conversation? conversation = null;
        var response = await Step.Run("open", context, async () =>
        {
            var ct = context.CancellationToken;
            var opened = await OpenAsync(run, await customer(ct), merchantId, ct);
            conversation = opened.Value;
            return opened.Response;
        });
        return (response, conversation);
    }

    /// <summary>Sends a message with a new client message id of the run; an answered one is journalled.</summary>
    public async Task<SiloResult<MessageAnswer>> SayAsync(string text, CancellationToken cancellationToken)
    {
        var clientMessageId = run.NextId("m");
        var answer = await run.Silo.SendMessageAsync(Token, SessionId, text, clientMessageId, cancellationToken);
        if (answer.IsOk)
        {
            run.Journal.Append(new JournalEntry(JournalKinds.Message, Customer, TimeProvider.System.GetUtcNow(), SessionId: SessionId,
                ClientMessageId: clientMessageId, EventId: answer.Ok.EventId, Text: text));
        }

        return answer;
    }

    /// <summary>
    /// Closes the session of a failed iteration (best effort, not a step) and returns <paramref name="failure"/>: a
    /// session left waiting for a person would hold one of the simulated agents until its wait timeout.
    /// </summary>
    public async Task<Response> AbandonAsync(Response failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await run.Silo.CloseSessionAsync(Token, SessionId, 1, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The silo is too slow to close it now; the failure is what the iteration reports anyway.
        }

        return failure;
    }

    /// <summary>Closes the session with a satisfaction score.</summary>
    public async Task<Response> CloseAsync(int satisfaction, CancellationToken cancellationToken) =>
        (await run.Silo.CloseSessionAsync(Token, SessionId, satisfaction, cancellationToken)).Response;
}
