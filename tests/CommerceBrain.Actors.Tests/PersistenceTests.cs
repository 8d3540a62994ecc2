using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Actors.Tests;

public sealed class PersistenceTests
{
    private static readonly GrainId Alice = new("profile", "alice");

    [Fact]
    public async Task State_is_loaded_before_OnActivateAsync_and_survives_deactivation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("alice");
        await grain.SetName("Alice");
        var first = await grain.ActivationNumber();

        await grain.Deactivate();
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:alice:ApplicationRequested") == 1, "deactivation");

        Assert.Equal("Alice", await grain.GetName());
        Assert.NotEqual(first, await grain.ActivationNumber());
        Assert.Contains("activate:alice:Alice", cluster.Probe.Events);
    }

    [Fact]
    public async Task A_stale_etag_write_is_rejected_and_keeps_the_newer_state()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("alice");
        await grain.SetName("Alice");
        var etag = await grain.GetEtag();

        // Someone else (a split-brain activation) writes a newer version behind the grain's back.
        var newer = await cluster.Storage.WriteAsync(Alice, "profile", "{\"name\":\"Newer\",\"updates\":9}"u8.ToArray(), etag);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("Stale"));
        Assert.Equal(newer, error.StoredEtag);
        Assert.Equal(etag, error.CurrentEtag);
        Assert.Equal(newer, cluster.Storage.Peek(Alice, "profile")!.ETag);
        Assert.Contains("Newer", System.Text.Encoding.UTF8.GetString(cluster.Storage.Peek(Alice, "profile")!.Payload!));
    }

    [Fact]
    public async Task Clearing_before_any_write_is_a_no_op()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("alice");

        await grain.Clear();

        Assert.Null(await grain.GetEtag());
        Assert.False(await grain.RecordExists());
        Assert.Null(cluster.Storage.Peek(Alice, "profile"));
    }

    [Fact]
    public async Task Clearing_resets_the_state_to_a_new_value_and_changes_the_etag()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("alice");
        await grain.SetName("Alice");
        var written = await grain.GetEtag();

        await grain.Clear();

        Assert.Equal("", await grain.GetName());
        Assert.False(await grain.RecordExists());
        var cleared = await grain.GetEtag();
        Assert.NotNull(cleared);
        Assert.NotEqual(written, cleared);

        // A write after the clear presents the clear's version and succeeds.
        await grain.SetName("Again");
        Assert.True(await grain.RecordExists());
    }

    [Fact]
    public async Task A_cleared_record_reads_back_as_a_new_state_with_the_clear_version_after_reactivation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("alice");
        await grain.SetName("Alice");
        await grain.Clear();
        var cleared = await grain.GetEtag();
        await grain.Deactivate();
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:alice:ApplicationRequested") == 1, "deactivation");

        Assert.Equal("", await grain.GetName());
        Assert.False(await grain.RecordExists());
        Assert.Equal(cleared, await grain.GetEtag());
        await grain.SetName("Back");
        Assert.Equal("Back", await grain.GetName());
    }

    [Fact]
    public async Task Named_storage_is_resolved_as_a_keyed_service_and_each_state_is_its_own_record()
    {
        var archive = new InMemoryGrainStorage();
        await using var cluster = await TestCluster.StartAsync(services: s => s.AddKeyedSingleton<IGrainStorage>("archive", archive));

        await cluster.Grains.GetGrain<IArchiveGrain>("x").Store("hello");

        var id = new GrainId("archive", "x");
        Assert.NotNull(cluster.Storage.Peek(id, "live"));
        Assert.Null(cluster.Storage.Peek(id, "archived"));
        Assert.Contains("HELLO", System.Text.Encoding.UTF8.GetString(archive.Peek(id, "archived")!.Payload!));
    }

    [Fact]
    public async Task A_missing_named_storage_fails_the_activation_with_a_clear_message()
    {
        await using var cluster = await TestCluster.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grains.GetGrain<IArchiveGrain>("x").Store("hello"));

        Assert.Contains("No IGrainStorage named 'archive'", error.Message);
    }

    [Fact]
    public async Task A_failed_state_read_fails_the_activation_and_the_triggering_call()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.Storage.FailReadsForKey = "broken";
        var grain = cluster.Grains.GetGrain<IProfileGrain>("broken");

        var error = await Assert.ThrowsAsync<IOException>(() => grain.GetName());
        Assert.Contains("storage unavailable", error.Message);
        Assert.DoesNotContain(cluster.Probe.Events, e => e.StartsWith("activate:broken", StringComparison.Ordinal));

        // The failed activation is gone: once storage recovers, the next call activates afresh.
        cluster.Storage.FailReadsForKey = null;
        Assert.Equal("", await grain.GetName());
    }

    [Fact]
    public async Task A_module_context_does_not_stop_state_types_outside_any_context_from_serialising()
    {
        var storage = new InMemoryGrainStorage();
        static void WithBadgeContext(ActorsBuilder actors) =>
            actors.ConfigureStateSerializer(json => json.TypeInfoResolverChain.Insert(0, BadgeJsonContext.Default));

        await using (var first = await TestCluster.StartAsync(actors: WithBadgeContext, storage: storage))
        {
            Assert.Equal(1, await first.Grains.GetGrain<IBadgeGrain>("alice").Award());
            await first.Grains.GetGrain<IProfileGrain>("alice").SetName("Alice");
        }

        // A restarted silo reads both states back: the context one and the reflection one.
        await using var second = await TestCluster.StartAsync(actors: WithBadgeContext, storage: storage);
        Assert.Equal(1, await second.Grains.GetGrain<IBadgeGrain>("alice").Count());
        Assert.Equal("Alice", await second.Grains.GetGrain<IProfileGrain>("alice").GetName());
    }

    [Fact]
    public async Task Contexts_come_first_and_the_reflection_resolver_stays_last_in_the_state_serializer_chain()
    {
        var ownFallback = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        await using var cluster = await TestCluster.StartAsync(actors: actors => actors
            .ConfigureStateSerializer(json => json.TypeInfoResolverChain.Add(ownFallback))
            .ConfigureStateSerializer(json => json.TypeInfoResolverChain.Add(BadgeJsonContext.Default)));

        var chain = cluster.Runtime.StateSerializerOptions.TypeInfoResolverChain;

        // The module's own fallback instance is kept (it may carry modifiers), just moved behind the context.
        Assert.Equal([BadgeJsonContext.Default, ownFallback], chain);
        Assert.Equal("{\"count\":3}", System.Text.Json.JsonSerializer.Serialize(new BadgeState { Count = 3 }, cluster.Runtime.StateSerializerOptions));
    }
}
