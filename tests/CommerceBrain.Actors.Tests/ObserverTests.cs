using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Actors.Tests;

public sealed class ObserverTests
{
    [Fact]
    public async Task Calls_to_an_observer_are_serialised()
    {
        await using var cluster = await TestCluster.StartAsync();
        var observer = new RecordingObserver();
        var reference = cluster.Grains.CreateObjectReference<IChatObserver>(observer);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => reference.Receive($"m{i}"))));

        Assert.Equal(50, observer.Messages.Count);
        Assert.Equal(1, observer.MaxInside);
    }

    [Fact]
    public async Task Subscriptions_expire_unless_renewed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var room = cluster.Grains.GetGrain<IChatRoomGrain>("room");
        var renewing = new RecordingObserver();
        var lapsing = new RecordingObserver();
        var renewingRef = cluster.Grains.CreateObjectReference<IChatObserver>(renewing);
        await room.Subscribe(renewingRef);
        await room.Subscribe(cluster.Grains.CreateObjectReference<IChatObserver>(lapsing));

        clock.Advance(TimeSpan.FromSeconds(40));
        await room.Subscribe(renewingRef);
        clock.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(1, await room.Publish("hello"));
        Assert.Equal(["hello"], renewing.Messages);
        Assert.Empty(lapsing.Messages);
    }

    [Fact]
    public async Task Failing_or_deleted_observers_are_dropped_on_notify()
    {
        await using var cluster = await TestCluster.StartAsync();
        var room = cluster.Grains.GetGrain<IChatRoomGrain>("room");
        var healthy = new RecordingObserver();
        var deleted = cluster.Grains.CreateObjectReference<IChatObserver>(new RecordingObserver());
        await room.Subscribe(cluster.Grains.CreateObjectReference<IChatObserver>(healthy));
        await room.Subscribe(cluster.Grains.CreateObjectReference<IChatObserver>(new RecordingObserver(fail: true)));
        await room.Subscribe(deleted);
        cluster.Grains.DeleteObjectReference(deleted);

        Assert.Equal(1, await room.Publish("one"));
        Assert.Equal(1, await room.Publish("two"));
        Assert.Equal(["one", "two"], healthy.Messages);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => deleted.Receive("late"));
    }
}
