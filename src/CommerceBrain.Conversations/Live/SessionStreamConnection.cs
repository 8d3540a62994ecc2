using System.Net.WebSockets;
using System.Text.Json;
using CommerceBrain.Conversations.Api;
using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Conversations.Live;

/// <summary>
/// One WebSocket follower of a session: subscribes through the hub first, then sends the backlog after the client's last
/// event id, then live events, dropping ids already sent and reading back any gap, so the client sees every id once and
/// in order. Idle connections get a <c>ping</c>; a client too slow to keep its queue short is closed with a reason and
/// resumes with <c>after=</c> its last id.
/// </summary>
internal sealed partial class SessionStreamConnection(
    WebSocket socket,
    ISessionGrain session,
    SessionStreamHub hub,
    SessionStreamOptions options,
    bool forCustomer,
    bool followsWhileAttached,
    ILogger logger)
{
    /// <summary>Close reason for a slow consumer (the client reconnects with the last id it has).</summary>
    public const string SlowConsumerReason = "slow consumer: reconnect with after=<last eventId>";

    private long last;

    // Set once a normal close went out: the client's answer is then worth waiting for (see AwaitClientCloseAsync).
    private bool endedNormally;

    public async Task RunAsync(string sessionId, long after, CancellationToken cancellationToken)
    {
        last = after;
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var follower = await hub.FollowAsync(sessionId, options.SendBufferEvents, closing.Token);
        var receiving = ReceiveUntilClosedAsync(closing);
        try
        {
            if (await CatchUpAsync(closing.Token) is { } endedEarly)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, endedEarly, closing.Token);
                return;
            }

            while (!closing.IsCancellationRequested)
            {
                if (!await WaitForEventsAsync(follower, closing.Token))
                {
                    if (closing.IsCancellationRequested)
                    {
                        break;
                    }

                    if (follower.Overflowed)
                    {
                        ConversationsTelemetry.StreamDisconnects.Add(1, new KeyValuePair<string, object?>("reason", "slow_consumer"));
                        Log.SlowConsumer(logger, sessionId, last);
                        await CloseAsync(WebSocketCloseStatus.PolicyViolation, SlowConsumerReason, closing.Token);
                        return;
                    }

                    await SendAsync(new StreamMessage("ping", last), closing.Token);
                    continue;
                }

                while (follower.Events.TryRead(out var sessionEvent))
                {
                    string? ended;
                    if (sessionEvent.EventId <= last)
                    {
                        continue;
                    }

                    // A gap (a lost one-way notification): read the missing ids back from the grain, this one included.
                    ended = sessionEvent.EventId > last + 1 ? await CatchUpAsync(closing.Token) : await SendEventAsync(sessionEvent, closing.Token);
                    if (ended is not null)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, ended, closing.Token);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // The client went away or the server stops.
        }
        catch (WebSocketException)
        {
            // The connection broke; the client resumes by id.
        }
        finally
        {
            hub.Leave(follower);
            await AwaitClientCloseAsync(receiving);
            await closing.CancelAsync();
            await receiving;
            await FinishCloseAsync();
        }
    }

    /// <summary>True when events are ready; false on a heartbeat timeout, an overflow, or cancellation.</summary>
    private async Task<bool> WaitForEventsAsync(StreamFollower follower, CancellationToken cancellationToken)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        heartbeat.CancelAfter(options.HeartbeatInterval);
        try
        {
            return await follower.Events.WaitToReadAsync(heartbeat.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends every event after <see cref="last"/> from the grain; the reason to end when one ends the stream.</summary>
    private async Task<string?> CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await session.EventsSince(last, options.BacklogPageSize).WaitAsync(cancellationToken);
            foreach (var sessionEvent in page)
            {
                if (await SendEventAsync(sessionEvent, cancellationToken) is { } ended)
                {
                    return ended;
                }
            }

            if (page.Count < options.BacklogPageSize)
            {
                return null;
            }
        }
    }

    /// <summary>Sends one event; returns a close reason when the follower should stop after it.</summary>
    private async Task<string?> SendEventAsync(SessionStreamEvent e, CancellationToken cancellationToken)
    {
        await SendAsync(new StreamMessage(
            "event",
            e.EventId,
            e.Kind,
            e.At,
            ApiNames.Of(e.Status),
            e.Lines.Select(ConversationsApi.Line).ToArray(),
            forCustomer ? null : e.AgentId,
            e.AgentName,
            forCustomer ? null : e.Group,
            forCustomer ? null : e.Note), cancellationToken);
        last = e.EventId;
        ConversationsTelemetry.StreamEvents.Add(1);
        if (e.Status == SessionStatus.Closed)
        {
            return "session closed";
        }

        // An agent (not an admin) follows only while holding the session.
        return followsWhileAttached && e.Kind is SessionStreamKinds.Transferred or SessionStreamKinds.Released
            ? "no longer attached"
            : null;
    }

    private async Task SendAsync(StreamMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, ConversationsJsonContext.Default.StreamMessage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SendTimeout);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A send that cannot finish: the client stopped reading. Abort; it resumes by id.
            ConversationsTelemetry.StreamDisconnects.Add(1, new KeyValuePair<string, object?>("reason", "send_timeout"));
            socket.Abort();
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.SendTimeout);
            await socket.CloseOutputAsync(status, reason, timeout.Token);
            endedNormally = status == WebSocketCloseStatus.NormalClosure;
        }
    }

    /// <summary>
    /// After our close frame, waits (bounded) for the client's: cancelling the pending receive aborts the socket, and an
    /// abort resets the connection, which can throw away the last event and the close frame before the client read them.
    /// </summary>
    private async Task AwaitClientCloseAsync(Task receiving)
    {
        // A slow consumer or a broken connection is not waited for: it is cut off.
        if (!endedNormally || socket.State is not WebSocketState.CloseSent)
        {
            return;
        }

        try
        {
            await receiving.WaitAsync(options.CloseHandshakeTimeout);
        }
        catch (TimeoutException)
        {
            // A client that never answers the close: the abort below ends it.
        }
    }

    /// <summary>Answers the client's close (or ends ours) so the close handshake completes.</summary>
    private async Task FinishCloseAsync()
    {
        if (socket.State is WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(options.SendTimeout);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    /// <summary>Reads (and ignores) what the client sends, to notice its close or a broken connection.</summary>
    private async Task ReceiveUntilClosedAsync(CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closing.CancelAsync();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Information, "Session {SessionId}: a stream follower fell too far behind at event {EventId} and was disconnected")]
        public static partial void SlowConsumer(ILogger logger, string sessionId, long eventId);
    }
}
