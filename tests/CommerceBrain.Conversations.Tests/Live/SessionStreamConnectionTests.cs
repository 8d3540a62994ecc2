using System.Net.WebSockets;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Live;
using CommerceBrain.Conversations.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.Conversations.Tests.Live;

/// <summary>A stream connection against the real session grain and the silo's hub, with a scripted socket.</summary>
public sealed class SessionStreamConnectionTests(SessionGrainFixture fixture) : IClassFixture<SessionGrainFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static SessionStreamOptions Options(int buffer) => new()
    {
        SendBufferEvents = buffer,
        HeartbeatInterval = TimeSpan.FromMinutes(5),
        SendTimeout = TimeSpan.FromMinutes(5),
        CloseHandshakeTimeout = TimeSpan.FromMinutes(5),
    };

    private async Task<(ISessionGrain Session, string Id)> WithAgentAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        var session = fixture.Cluster.Client.GetGrain<ISessionGrain>(id);
        await session.Open(new SessionOpening("c-1", "web", null));
        await session.Send(new CustomerMessage("c-1", "I need a human", "h1"));
        await session.Attach(new AgentAttach("a-1", "Ann"));
        return (session, id);
    }

    private Task RunAsync(WebSocket socket, string id, long after, SessionStreamOptions options, CancellationToken cancellationToken)
    {
        var hub = fixture.SiloServices.GetRequiredService<SessionStreamHub>();
        var session = fixture.SiloServices.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(id);
        var connection = new SessionStreamConnection(socket, session, hub, options, forCustomer: false, followsWhileAttached: true,
            NullLogger.Instance);
        return Task.Run(() => connection.RunAsync(id, after, cancellationToken), cancellationToken);
    }

    [Fact]
    public async Task A_follower_that_stops_reading_is_closed_as_a_slow_consumer_and_resumes_by_id_without_gap()
    {
        var (session, id) = await WithAgentAsync();
        using var stop = new CancellationTokenSource(Wait);
        var stalled = new ScriptedWebSocket(stalled: true);
        var running = RunAsync(stalled, id, 0, Options(buffer: 4), stop.Token);
        // Subscribed, backlog read, and stuck sending its first event: from here on events queue up.
        await stalled.FirstSend.WaitAsync(Wait);

        for (var i = 0; i < 20; i++)
        {
            await session.AgentSend(new AgentMessage("a-1", $"message {i}", $"m-{i}"));
        }

        stalled.Release();
        await stalled.Closed.WaitAsync(Wait);
        await running.WaitAsync(Wait);
        var first = stalled.EventIds();

        var resumed = new ScriptedWebSocket(stalled: false);
        using var stopResumed = new CancellationTokenSource();
        var following = RunAsync(resumed, id, first[^1], Options(buffer: 256), stopResumed.Token);
        using var deadline = new CancellationTokenSource(Wait);
        while (resumed.EventIds().Count < 23 - first.Count)
        {
            await Task.Delay(10, deadline.Token);
        }

        await stopResumed.CancelAsync();
        await following.WaitAsync(Wait);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, stalled.ClosedWith);
        Assert.Equal(SessionStreamConnection.SlowConsumerReason, stalled.ClosedBecause);
        Assert.True(first.Count < 23, $"the stalled follower got everything ({first.Count}) instead of being cut off");
        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), first.Concat(resumed.EventIds()));
    }

    [Fact]
    public async Task A_follower_is_closed_after_the_session_is_resolved()
    {
        var (session, id) = await WithAgentAsync();
        using var stop = new CancellationTokenSource(Wait);
        var socket = new ScriptedWebSocket(stalled: false);
        var running = RunAsync(socket, id, 3, Options(buffer: 16), stop.Token);

        // No wait for the subscription: whatever it misses live, the backlog after id 3 brings.
        await session.AgentSend(new AgentMessage("a-1", "done here", "m-1"));
        await session.Resolve("a-1", "answered");
        await socket.Closed.WaitAsync(Wait);
        await running.WaitAsync(Wait);

        Assert.Equal([4L, 5], socket.EventIds());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.ClosedWith);
        Assert.Equal("session closed", socket.ClosedBecause);
    }

    [Fact]
    public async Task After_a_normal_close_the_connection_ends_when_the_client_answers_or_after_the_handshake_timeout()
    {
        var (session, id) = await WithAgentAsync();
        using var stop = new CancellationTokenSource(Wait);
        var silent = new ScriptedWebSocket(stalled: false, answersClose: false);
        var options = Options(buffer: 16);
        options.CloseHandshakeTimeout = TimeSpan.FromMilliseconds(200);
        var running = RunAsync(silent, id, 3, options, stop.Token);

        await session.Resolve("a-1", "answered");
        await silent.Closed.WaitAsync(Wait);
        // The client never answers: the connection still ends (the test's 30-s wait is far above the 200-ms timeout).
        await running.WaitAsync(Wait);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, silent.ClosedWith);
        Assert.Equal("session closed", silent.ClosedBecause);
    }
}
