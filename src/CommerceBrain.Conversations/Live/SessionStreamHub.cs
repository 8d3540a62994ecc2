using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Live;

/// <summary>
/// The silo's relay between session grains and local followers: one grain observer per session that has followers on
/// this silo, however many connections follow it, so a session with many watchers costs its grain one notification per
/// silo. Subscriptions are renewed on a timer because the grain forgets observers it has not heard from (a silo that
/// died without unsubscribing).
/// </summary>
internal sealed partial class SessionStreamHub : IAsyncDisposable
{
    private readonly IGrainFactory grains;
    private readonly SessionStreamOptions options;
    private readonly ILogger<SessionStreamHub> logger;
    private readonly Dictionary<string, SessionFeed> feeds = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly ITimer renewal;

    public SessionStreamHub(IGrainFactory grains, IOptions<SessionStreamOptions> options, TimeProvider time, ILogger<SessionStreamHub> logger)
    {
        this.grains = grains;
        this.options = options.Value;
        this.logger = logger;
        renewal = time.CreateTimer(_ => _ = RenewAsync(), null, this.options.ResubscribeInterval, this.options.ResubscribeInterval);
    }

    /// <summary>Sessions with at least one local follower.</summary>
    public int FollowedSessions
    {
        get
        {
            lock (gate)
            {
                return feeds.Count;
            }
        }
    }

    /// <summary>
    /// Adds a follower of <paramref name="sessionId"/> with a queue of <paramref name="capacity"/> events and returns once
    /// the session grain has the observer: every event committed after this returns reaches the follower (or shows as a
    /// gap it reads back with <c>EventsSince</c>).
    /// </summary>
    public async Task<StreamFollower> FollowAsync(string sessionId, int capacity, CancellationToken cancellationToken)
    {
        var follower = new StreamFollower(sessionId, capacity);
        SessionFeed feed;
        lock (gate)
        {
            if (!feeds.TryGetValue(sessionId, out feed!))
            {
                feed = new SessionFeed(sessionId);
                feed.Reference = grains.CreateObjectReference<ISessionObserver>(feed);
                feeds[sessionId] = feed;
            }

            feed.Add(follower);
        }

        try
        {
            // Every join subscribes (idempotent on the grain): the first join of a feed must, and a later one is then sure
            // the subscription is alive even if a renewal failed.
            var last = await grains.GetGrain<ISessionGrain>(sessionId).Subscribe(feed.Reference).WaitAsync(cancellationToken);
            feed.NoteSubscribedAt(last);
        }
        catch
        {
            Leave(follower);
            throw;
        }

        return follower;
    }

    /// <summary>Removes <paramref name="follower"/>; the last one out unsubscribes the silo from the session.</summary>
    public void Leave(StreamFollower follower)
    {
        follower.Complete();
        SessionFeed? emptied = null;
        lock (gate)
        {
            if (feeds.TryGetValue(follower.SessionId, out var feed) && feed.Remove(follower) && feed.IsEmpty)
            {
                feeds.Remove(follower.SessionId);
                emptied = feed;
            }
        }

        if (emptied is not null)
        {
            _ = UnsubscribeAsync(emptied);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await renewal.DisposeAsync();
        SessionFeed[] all;
        lock (gate)
        {
            all = [.. feeds.Values];
            feeds.Clear();
        }

        foreach (var feed in all)
        {
            await UnsubscribeAsync(feed);
        }
    }

    private async Task UnsubscribeAsync(SessionFeed feed)
    {
        try
        {
            await grains.GetGrain<ISessionGrain>(feed.SessionId).Unsubscribe(feed.Reference);
        }
        catch (Exception ex)
        {
            // The grain forgets the observer when it expires anyway.
            Log.UnsubscribeFailed(logger, feed.SessionId, ex);
        }
        finally
        {
            grains.DeleteObjectReference<ISessionObserver>(feed);
        }
    }

    private async Task RenewAsync()
    {
        SessionFeed[] all;
        lock (gate)
        {
            all = [.. feeds.Values];
        }

        foreach (var feed in all)
        {
            try
            {
                var session = grains.GetGrain<ISessionGrain>(feed.SessionId);
                var last = await session.Subscribe(feed.Reference);
                // Behind: the grain was reactivated (silo restart, rebalancing) and lost its observers for a while.
                while (feed.LastDelivered < last)
                {
                    var missed = await session.EventsSince(feed.LastDelivered, options.BacklogPageSize);
                    if (missed.Count == 0)
                    {
                        break;
                    }

                    foreach (var sessionEvent in missed)
                    {
                        await feed.OnSessionEvent(sessionEvent);
                    }
                }
            }
            catch (Exception ex)
            {
                Log.RenewFailed(logger, feed.SessionId, ex);
            }
        }
    }

    /// <summary>The observer of one session on this silo, fanning each event out to the local followers.</summary>
    private sealed class SessionFeed(string sessionId) : ISessionObserver
    {
        private readonly Lock gate = new();
        private StreamFollower[] followers = [];

        public string SessionId { get; } = sessionId;

        public ISessionObserver Reference { get; set; } = null!;

        private long lastDelivered;

        public bool IsEmpty => followers.Length == 0;

        /// <summary>The highest event id fanned out so far (followers drop repeats by id).</summary>
        public long LastDelivered => Interlocked.Read(ref lastDelivered);

        /// <summary>A new feed starts at the grain's last id: what came before is each follower's own backlog.</summary>
        public void NoteSubscribedAt(long last)
        {
            long seen;
            while ((seen = Interlocked.Read(ref lastDelivered)) < last && seen == 0
                && Interlocked.CompareExchange(ref lastDelivered, last, seen) != seen)
            {
            }
        }

        public void Add(StreamFollower follower)
        {
            lock (gate)
            {
                followers = [.. followers, follower];
            }
        }

        public bool Remove(StreamFollower follower)
        {
            lock (gate)
            {
                var before = followers.Length;
                followers = followers.Where(f => !ReferenceEquals(f, follower)).ToArray();
                return followers.Length != before;
            }
        }

        public Task OnSessionEvent(SessionStreamEvent sessionEvent)
        {
            long seen;
            while ((seen = Interlocked.Read(ref lastDelivered)) < sessionEvent.EventId
                && Interlocked.CompareExchange(ref lastDelivered, sessionEvent.EventId, seen) != seen)
            {
            }

            foreach (var follower in Volatile.Read(ref followers))
            {
                follower.Offer(sessionEvent);
            }

            return Task.CompletedTask;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Warning, "Renewing the live subscription to session {SessionId} failed; the next renewal tries again")]
        public static partial void RenewFailed(ILogger logger, string sessionId, Exception exception);

        [LoggerMessage(21, LogLevel.Debug, "Unsubscribing from session {SessionId} failed; the grain drops the observer when it expires")]
        public static partial void UnsubscribeFailed(ILogger logger, string sessionId, Exception exception);
    }
}
