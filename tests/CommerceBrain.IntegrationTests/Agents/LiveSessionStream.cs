using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// A real WebSocket (<see cref="ClientWebSocket"/>) on <c>GET /api/sessions/{id}/stream</c> of a silo process: reads event
/// messages one by one (pings skipped), each read with a timeout.
/// </summary>
internal sealed class LiveSessionStream : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket socket;
    private readonly byte[] buffer = new byte[64 * 1024];

    private LiveSessionStream(ClientWebSocket socket) => this.socket = socket;

    /// <summary>Opens the stream of <paramref name="sessionId"/> on <paramref name="silo"/> after event <paramref name="after"/>.</summary>
    public static async Task<LiveSessionStream> OpenAsync(Uri silo, string sessionId, long after, string bearer)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        var uri = new UriBuilder(silo) { Scheme = "ws", Path = $"/api/sessions/{sessionId}/stream", Query = $"after={after}" }.Uri;
        using var timeout = new CancellationTokenSource(ReadTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new LiveSessionStream(socket);
    }

    /// <summary>The next event message; fails when the server closes the stream or nothing comes in time.</summary>
    public async Task<JsonElement> NextEventAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                Assert.True(received.MessageType != WebSocketMessageType.Close,
                    $"The server closed the stream: {socket.CloseStatus} {socket.CloseStatusDescription}");
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            if (json.GetProperty("type").GetString() == "event")
            {
                return json;
            }
        }
    }

    /// <summary>
    /// Reads events until the server closes the stream with a close frame; returns them with the close status and reason.
    /// A connection that breaks without the close handshake fails here (<see cref="WebSocketException"/>).
    /// </summary>
    public async Task<(List<JsonElement> Events, WebSocketCloseStatus? Status, string? Reason)> EventsUntilClosedAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var events = new List<JsonElement>();
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the server's close as browsers do, completing the handshake.
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                    return (events, socket.CloseStatus, socket.CloseStatusDescription);
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            if (json.GetProperty("type").GetString() == "event")
            {
                events.Add(json);
            }
        }
    }

    public async Task<List<JsonElement>> NextEventsAsync(int count)
    {
        var events = new List<JsonElement>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextEventAsync());
        }

        return events;
    }

    /// <summary>Closes the connection the way a client going away does (close handshake, bounded).</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "network switch", timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
