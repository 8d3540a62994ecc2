using System.Net.WebSockets;
using System.Text.Json;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// One session's live stream over a WebSocket: a reader collects the events (pings are skipped) and wakes whoever waits
/// for one that matches. The stream ends when the silo closes it (after the session closed, an agent left, or a slow
/// consumer); waiters then fail with the reason.
/// </summary>
public sealed class SessionStream : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ClientWebSocket socket;
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private readonly List<StreamEvent> events = [];
    private readonly List<(Func<StreamEvent, bool> Match, TaskCompletionSource<StreamEvent> Done)> waiters = [];
    private readonly Task reader;
    private string? ended;

    internal SessionStream(ClientWebSocket socket)
    {
        this.socket = socket;
        reader = Task.Run(ReadAsync);
    }

    /// <summary>Why the stream ended, or null while it is open.</summary>
    public string? Ended
    {
        get
        {
            lock (gate)
            {
                return ended;
            }
        }
    }

    /// <summary>The highest event id received so far.</summary>
    public long LastEventId
    {
        get
        {
            lock (gate)
            {
                return events.Count == 0 ? 0 : events[^1].EventId;
            }
        }
    }

    /// <summary>
    /// The first event (already received or still to come) that <paramref name="match"/> accepts; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> and <see cref="WebSocketException"/> when the stream ends first.
    /// </summary>
    public async Task<StreamEvent> WaitForAsync(Func<StreamEvent, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<StreamEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (events.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            if (ended is not null)
            {
                throw new WebSocketException($"the stream ended: {ended} (after {Seen()})");
            }

            waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (gate)
            {
                waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    // The last few events, for a failure message: "5 attached/with_agent, 6 message/with_agent".
    private string Seen()
    {
        lock (gate)
        {
            return events.Count == 0 ? "no events" : string.Join(", ", events.TakeLast(4).Select(e => $"{e.EventId} {e.Kind}/{e.Status}"));
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var reason = "closed";
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"closed by the silo: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Deliver(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closed by the driver";
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or InvalidOperationException)
        {
            reason = "broken: " + ex.Message;
        }

        List<TaskCompletionSource<StreamEvent>> orphans;
        lock (gate)
        {
            ended = reason;
            orphans = waiters.Select(w => w.Done).ToList();
        }

        foreach (var orphan in orphans)
        {
            orphan.TrySetException(new WebSocketException($"the stream ended: {reason} (after {Seen()})"));
        }
    }

    private void Deliver(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("type").GetString() != "event")
        {
            return;
        }

        var lines = root.TryGetProperty("lines", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.Deserialize<List<TranscriptLine>>(Json) ?? []
            : [];
        var e = new StreamEvent(root.GetProperty("eventId").GetInt64(), root.GetProperty("kind").GetString() ?? "",
            root.TryGetProperty("status", out var s) ? s.GetString() : null, lines,
            root.TryGetProperty("agentName", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null);
        List<TaskCompletionSource<StreamEvent>> woken = [];
        lock (gate)
        {
            events.Add(e);
            foreach (var waiter in waiters.Where(w => w.Match(e)))
            {
                woken.Add(waiter.Done);
            }
        }

        foreach (var done in woken)
        {
            done.TrySetResult(e);
        }
    }

    /// <summary>Closes the socket (politely when it is still open, or answering the silo's close) and stops the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone: nothing left to close.
        }

        await stop.CancelAsync();
        try
        {
            await reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The reader is stuck on a dead socket; disposing it below ends the receive.
        }

        socket.Dispose();
        stop.Dispose();
    }
}
