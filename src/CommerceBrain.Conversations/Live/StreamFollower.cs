using System.Threading.Channels;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Live;

/// <summary>
/// One local follower of a session (a WebSocket connection): a bounded queue of events the hub fills and the connection
/// drains. When the queue is full the follower is cut off (<see cref="Overflowed"/>) instead of slowing the hub or
/// growing without bound; it resumes by event id on a new connection.
/// </summary>
internal sealed class StreamFollower
{
    private readonly Channel<SessionStreamEvent> queue;
    private int overflowed;

    public StreamFollower(string sessionId, int capacity)
    {
        SessionId = sessionId;
        queue = Channel.CreateBounded<SessionStreamEvent>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string SessionId { get; }

    /// <summary>True once an event found the queue full; the queue is then completed.</summary>
    public bool Overflowed => Volatile.Read(ref overflowed) == 1;

    public ChannelReader<SessionStreamEvent> Events => queue.Reader;

    /// <summary>Queues <paramref name="sessionEvent"/> without waiting; on a full queue marks the follower as overflowed.</summary>
    public void Offer(SessionStreamEvent sessionEvent)
    {
        if (!queue.Writer.TryWrite(sessionEvent) && Interlocked.Exchange(ref overflowed, 1) == 0)
        {
            queue.Writer.TryComplete();
        }
    }

    /// <summary>No more events (the follower left).</summary>
    public void Complete() => queue.Writer.TryComplete();
}
