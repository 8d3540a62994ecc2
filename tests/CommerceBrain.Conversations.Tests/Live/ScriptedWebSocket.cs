using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace CommerceBrain.Conversations.Tests.Live;

/// <summary>
/// The server side of a WebSocket for unit tests: keeps every message sent, can stall sends (a client that stopped
/// reading) until released, receives nothing but the answer to the server's close (unless told not to answer), and
/// records how it was closed.
/// </summary>
internal sealed class ScriptedWebSocket : WebSocket
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstSend = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closeSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool answersClose;
    private WebSocketState state = WebSocketState.Open;

    public ScriptedWebSocket(bool stalled, bool answersClose = true)
    {
        this.answersClose = answersClose;
        if (!stalled)
        {
            released.SetResult();
        }
    }

    public ConcurrentQueue<JsonElement> Sent { get; } = new();

    public Task Closed => closed.Task;

    /// <summary>Completes when the first send starts (the connection has subscribed and read its backlog).</summary>
    public Task FirstSend => firstSend.Task;

    public WebSocketCloseStatus? ClosedWith { get; private set; }

    public string? ClosedBecause { get; private set; }

    public override WebSocketCloseStatus? CloseStatus => ClosedWith;

    public override string? CloseStatusDescription => ClosedBecause;

    public override WebSocketState State => state;

    public override string? SubProtocol => null;

    /// <summary>The client reads again: stalled sends complete.</summary>
    public void Release() => released.TrySetResult();

    /// <summary>The event ids sent so far, in order.</summary>
    public IReadOnlyList<long> EventIds() =>
        Sent.Where(m => m.GetProperty("type").GetString() == "event").Select(m => m.GetProperty("eventId").GetInt64()).ToArray();

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        firstSend.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
        Sent.Enqueue(JsonDocument.Parse(buffer.AsMemory()).RootElement.Clone());
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        if (!answersClose)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        // A polite client: once the server's close frame went out, it answers with its own.
        await closeSent.Task.WaitAsync(cancellationToken);
        state = WebSocketState.Closed;
        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true, ClosedWith, ClosedBecause);
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        ClosedWith = closeStatus;
        ClosedBecause = statusDescription;
        state = WebSocketState.CloseSent;
        closed.TrySetResult();
        closeSent.TrySetResult();
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort()
    {
        state = WebSocketState.Aborted;
        closed.TrySetResult();
    }

    public override void Dispose()
    {
    }
}
