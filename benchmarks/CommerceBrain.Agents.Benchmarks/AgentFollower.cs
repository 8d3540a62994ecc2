using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace CommerceBrain.Agents.Benchmarks;

/// <summary>
/// One agent's WebSocket on one session's stream: checks that event ids come once and in order, signals when it has seen
/// its own attach (the silo is then subscribed and every later event is live), and records benchmark messages
/// (<c>bench &lt;n&gt;</c> customer lines) in <see cref="Deliveries"/> the moment they arrive.
/// </summary>
internal sealed class AgentFollower(int session, string sessionId, Deliveries deliveries)
{
    /// <summary>Customer lines the load sends: "bench " + message number.</summary>
    public const string Prefix = "bench ";

    private readonly ClientWebSocket socket = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long last;

    /// <summary>Completes once the backlog up to the agent's attach has arrived.</summary>
    public Task Ready => ready.Task;

    /// <summary>Ids that arrived out of order or again (must be 0).</summary>
    public int OrderErrors { get; private set; }

    /// <summary>Why the stream ended before the benchmark closed it, if it did.</summary>
    public string? EndedEarly { get; private set; }

    public async Task ConnectAsync(Uri silo, string agentToken, CancellationToken cancellationToken)
    {
        socket.Options.SetRequestHeader("Authorization", $"Bearer {agentToken}");
        var scheme = silo.Scheme == "https" ? "wss" : "ws";
        var uri = new UriBuilder(silo) { Scheme = scheme, Path = $"/api/sessions/{sessionId}/stream", Query = "after=0" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
    }

    /// <summary>Reads until the socket closes or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    EndedEarly = $"closed by the silo: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    ready.TrySetException(new BenchmarkFailure($"session {sessionId}: stream {EndedEarly}"));
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                OnMessage(message.GetBuffer().AsSpan(0, (int)message.Length), now);
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (WebSocketException ex)
        {
            EndedEarly = "broken: " + ex.Message;
            ready.TrySetException(new BenchmarkFailure($"session {sessionId}: stream {EndedEarly}"));
        }
    }

    private void OnMessage(ReadOnlySpan<byte> json, long now)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.GetProperty("type").GetString() != "event")
        {
            return;
        }

        var id = root.GetProperty("eventId").GetInt64();
        if (id != last + 1)
        {
            OrderErrors++;
        }

        last = Math.Max(last, id);
        foreach (var line in root.GetProperty("lines").EnumerateArray())
        {
            var text = line.GetProperty("text").GetString();
            if (line.GetProperty("author").GetString() == "customer" && text is not null && text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                deliveries.Arrived(number, session, now);
            }
        }

        if (root.GetProperty("kind").GetString() == "attached")
        {
            ready.TrySetResult();
        }
    }

    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "benchmark over", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }
}
