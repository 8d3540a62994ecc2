using System.Collections.Concurrent;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// One simulated agent: polls its own grain (<c>GET /api/agents/me</c>) for sessions the queue assigned to it, attaches,
/// follows the session's live stream over a WebSocket, answers the customer's next message (journalled) and resolves the
/// session. A session whose customer says nothing within the wait timeout is resolved anyway, so no slot stays taken.
/// </summary>
public sealed class SimulatedAgent(string id, SiloClient silo, AckJournal journal, Double11Options options, TextWriter log)
{
    private readonly ConcurrentDictionary<string, Task> handling = new();
    private string token = "";
    private int attached;
    private int replied;
    private int resolved;
    private int failures;
    private int left;

    /// <summary>The agent's id (the token subject).</summary>
    public string Id => id;

    /// <summary>Sessions attached.</summary>
    public int Attached => Volatile.Read(ref attached);

    /// <summary>Customer messages answered.</summary>
    public int Replied => Volatile.Read(ref replied);

    /// <summary>Sessions resolved.</summary>
    public int Resolved => Volatile.Read(ref resolved);

    /// <summary>
    /// Sessions the customer closed before the agent attached (a FAQ the bot handed over, then closed by its customer):
    /// by design, not a failure.
    /// </summary>
    public int Left => Volatile.Read(ref left);

    /// <summary>Agent calls that failed (logged to the run log).</summary>
    public int Failures => Volatile.Read(ref failures);

    /// <summary>
    /// Goes offline then online: offline hands back what a crashed earlier run left assigned; sessions it still holds
    /// from then are resolved.
    /// </summary>
    public async Task GoOnlineAsync(CancellationToken cancellationToken)
    {
        token = await silo.TokenAsync(id, "agent", cancellationToken);
        Require(await silo.SetPresenceAsync(token, "offline", options.AgentCapacity, cancellationToken), "offline");
        var online = Require(await silo.SetPresenceAsync(token, "online", options.AgentCapacity, cancellationToken), "online");
        foreach (var stale in online.Active)
        {
            await silo.ResolveAsync(token, stale, "load_cleanup", cancellationToken);
        }
    }

    /// <summary>Goes offline (end of the run); a failure is only logged.</summary>
    public async Task GoOfflineAsync(CancellationToken cancellationToken)
    {
        var result = await silo.SetPresenceAsync(token, "offline", options.AgentCapacity, cancellationToken);
        if (!result.IsOk)
        {
            log.WriteLine($"double11: agent {id} could not go offline: {result.Response.StatusCode} {result.Response.Message}");
        }
    }

    /// <summary>
    /// Polls for assignments until <paramref name="stop"/>, then waits for the sessions in hand; <paramref name="drain"/>
    /// abandons those (the run is over and their customers are gone).
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken drain)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var me = await silo.AgentMeAsync(token, stop);
                if (me.IsOk)
                {
                    foreach (var session in me.Ok.Assigned)
                    {
                        _ = handling.GetOrAdd(session, s => Task.Run(() => HandleAsync(s, drain)));
                    }
                }
                else
                {
                    Fail($"GET /api/agents/me: {me.Response.StatusCode} {me.Response.Message}");
                }

                await Task.Delay(options.AgentPoll, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        await Task.WhenAll(handling.Values);
    }

    // The sessions run on their own timeout rather than the run's token: a customer mid-hand-over at the end of the
    // run still gets the reply and the resolution the journal and the step are waiting for.
    private async Task HandleAsync(string sessionId, CancellationToken drain)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(drain);
        timeout.CancelAfter(options.WaitTimeout * 2);
        var ct = timeout.Token;
        try
        {
            var attach = await silo.AttachAsync(token, sessionId, $"Agent {id[^3..]}", ct);
            if (!attach.IsOk && attach.Response.StatusCode == "409" && attach.Response.Message?.Contains("The session is closed", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref left);
                return;
            }

            if (!attach.IsOk)
            {
                Fail($"attach {sessionId}: {attach.Response.StatusCode} {attach.Response.Message}");
                return;
            }

            Interlocked.Increment(ref attached);
            await using (var stream = await silo.OpenStreamAsync(token, sessionId, attach.Ok.LastEventId, ct))
            {
                StreamEvent? message = null;
                try
                {
                    message = await stream.WaitForAsync(e => e.Lines.Any(l => l.Author == "customer") || e.Status == "closed", options.WaitTimeout, ct);
                }
                catch (TimeoutException)
                {
                    log.WriteLine($"double11: agent {id}: no customer message in {sessionId} within {options.WaitTimeout}; resolving");
                }
                catch (System.Net.WebSockets.WebSocketException) when (!ct.IsCancellationRequested)
                {
                    // The stream ended before the customer wrote (the customer closed the session): nothing to answer.
                    log.WriteLine($"double11: agent {id}: the stream of {sessionId} ended before a customer message ({stream.Ended})");
                }

                if (message?.Status == "closed")
                {
                    return;
                }

                if (message is not null)
                {
                    await ReplyAsync(sessionId, message, ct);
                }
            }

            var resolve = await silo.ResolveAsync(token, sessionId, "load_resolved", ct);
            if (resolve.IsOk)
            {
                Interlocked.Increment(ref resolved);
            }
            else
            {
                Fail($"resolve {sessionId}: {resolve.Response.StatusCode} {resolve.Response.Message}");
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            log.WriteLine($"double11: agent {id}: the run is over; left session {sessionId}");
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or SiloCallException or HttpRequestException)
        {
            Fail($"session {sessionId}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            handling.TryRemove(sessionId, out _);
        }
    }

    private async Task ReplyAsync(string sessionId, StreamEvent message, CancellationToken ct)
    {
        var clientMessageId = $"{options.RunId}-{id}-{message.EventId}-{sessionId[..Math.Min(8, sessionId.Length)]}";
        var text = $"Thanks for waiting — I have checked this for you and it is sorted (ref {message.EventId}).";
        var sent = await silo.AgentMessageAsync(token, sessionId, text, clientMessageId, ct);
        if (!sent.IsOk)
        {
            Fail($"agent message {sessionId}: {sent.Response.StatusCode} {sent.Response.Message}");
            return;
        }

        Interlocked.Increment(ref replied);
        journal.Append(new JournalEntry(JournalKinds.AgentMessage, id, TimeProvider.System.GetUtcNow(), SessionId: sessionId,
            ClientMessageId: clientMessageId, EventId: sent.Ok.EventId, Text: text));
    }

    private T Require<T>(SiloResult<T> result, string what) =>
        result.IsOk ? result.Ok : throw new SiloCallException($"agent {id} {what}: {result.Response.StatusCode} {result.Response.Message}");

    private void Fail(string message)
    {
        Interlocked.Increment(ref failures);
        log.WriteLine($"double11: agent {id}: {message}");
    }
}
