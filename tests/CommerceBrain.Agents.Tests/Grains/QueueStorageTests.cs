using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Storage;
using CommerceBrain.Storage;
using CommerceBrain.Agents.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Queue entries are rows of their own: a change writes its rows only, they survive a restart, reads are bounded.</summary>
public sealed class QueueStorageTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private IAgentQueueGrain Queue(string group) => fixture.Grains.GetGrain<IAgentQueueGrain>(group);

    private QueueEntryStore Store => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<QueueEntryStore>();

    private static QueuedSession Session(string id, int secondsAgo = 0) =>
        new(id, "summary of " + id, "regular", 0, 0, Start.AddSeconds(-secondsAgo), null, null, null, false);

    private async Task Online(string group, int capacity, string agentId)
    {
        await fixture.Grains.GetGrain<IAgentGrain>(agentId).SetPresence(new PresenceChange(AgentPresence.Online, [group], capacity));
        await Wait.For(() => Queue(group).Summary(), s => s.Agents.Contains(agentId), $"{agentId} on the {group} roster");
    }

    private async Task<long> RowsInTable(string group)
    {
        var database = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<StorageDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand("SELECT COUNT(*) FROM agent_queue_entries WHERE queue_group = @group", ("group", group));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Queuing_a_session_writes_its_row_only_and_an_assignment_round_writes_the_rows_it_assigned()
    {
        var group = SkillGroups.PreSales;
        var queue = Queue(group);
        for (var i = 0; i < 20; i++)
        {
            await queue.Enqueue(Session($"w-s{i}", secondsAgo: 100 - i));
        }

        var before = Store.RowsWritten;
        await queue.Enqueue(Session("w-s20"));
        Assert.Equal(1, Store.RowsWritten - before);
        Assert.Equal(21, await RowsInTable(group));

        before = Store.RowsWritten;
        await Online(group, 2, "w-a");
        var snapshot = await Wait.For(() => queue.Snapshot(), s => s.Entries.Count(e => e.AssignedTo == "w-a") == 2, "two sessions assigned to w-a");

        // The two longest waiting went to the agent; of 21 rows only their two were written.
        Assert.Equal(["w-s0", "w-s1"], snapshot.Entries.Where(e => e.AssignedTo == "w-a").Select(e => e.SessionId).Order(StringComparer.Ordinal));
        Assert.Equal(2, Store.RowsWritten - before);

        before = Store.RowsWritten;
        await queue.Remove("w-s5", null);
        Assert.Equal(1, Store.RowsWritten - before);
        Assert.Equal(20, await RowsInTable(group));
    }

    [Fact]
    public async Task Waiting_and_assigned_entries_and_removals_survive_a_silo_restart()
    {
        var group = SkillGroups.Disputes;
        await Online(group, 1, "rs-a");
        await Queue(group).Enqueue(Session("rs-s1", secondsAgo: 10));
        await Queue(group).Enqueue(Session("rs-s2"));
        await Queue(group).Enqueue(Session("rs-s3"));
        await Queue(group).Remove("rs-s3", null);
        Assert.Equal("rs-a", (await Queue(group).Entry("rs-s1"))?.AssignedTo);

        await fixture.RestartAsync();

        Assert.Equal("rs-a", (await Queue(group).Entry("rs-s1"))?.AssignedTo);
        var waiting = await Queue(group).Entry("rs-s2");
        Assert.NotNull(waiting);
        Assert.Null(waiting.AssignedTo);
        Assert.Equal("summary of rs-s2", waiting.Summary);
        Assert.Null(await Queue(group).Entry("rs-s3"));
        var summary = await Queue(group).Summary();
        Assert.Equal(2, summary.Length);
        Assert.Equal(1, summary.Assigned);
        Assert.Equal(Start.AddSeconds(-10).ToUnixTimeMilliseconds(), summary.OldestWaitingSince?.ToUnixTimeMilliseconds());
        Assert.Contains("rs-a", summary.Agents);
    }

    [Fact]
    public async Task An_agent_reads_its_own_sessions_and_at_most_the_limit_of_waiting_ones_by_priority()
    {
        var group = SkillGroups.MerchantSupport;
        await Online(group, 2, "v-me");
        await Online(group, 1, "v-other");
        for (var i = 0; i < 3; i++)
        {
            await Queue(group).Enqueue(Session($"v-first{i}", secondsAgo: 1000 + i));
        }

        for (var i = 0; i < 60; i++)
        {
            await Queue(group).Enqueue(Session($"v-s{i:00}", secondsAgo: i));
        }

        var snapshot = await Queue(group).Snapshot();
        var mine = snapshot.Entries.Where(e => e.AssignedTo == "v-me").Select(e => e.SessionId).ToList();
        Assert.Equal(2, mine.Count);

        var view = await Queue(group).ForAgent("v-me", 50);

        Assert.Equal(52, view.Count);
        Assert.Equal(mine.Order(StringComparer.Ordinal), view.Take(2).Select(e => e.SessionId).Order(StringComparer.Ordinal));
        Assert.Equal(snapshot.Entries.Where(e => e.AssignedTo is null).Take(50).Select(e => e.SessionId), view.Skip(2).Select(e => e.SessionId));
        Assert.DoesNotContain(view, e => e.AssignedTo == "v-other");
    }

    [Fact]
    public async Task Entries_kept_in_a_queue_state_from_before_the_table_move_to_the_table_on_activation()
    {
        var group = SkillGroups.AfterSales;
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
        var grainId = Queue(group).GetGrainId();
        var old = new GrainState<QueueState>(new QueueState());
        await storage.ReadStateAsync("agents-queue", grainId, old);
        old.State ??= new QueueState();
        old.State.Entries["legacy-s1"] = new QueueEntry { Session = Session("legacy-s1", secondsAgo: 30), Breached = true };
        await storage.WriteStateAsync("agents-queue", grainId, old);

        await fixture.RestartAsync();

        var entry = await Queue(group).Entry("legacy-s1");
        Assert.NotNull(entry);
        Assert.True(entry.Breached);
        Assert.Equal(1, await RowsInTable(group));
        storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
        var after = new GrainState<QueueState>(new QueueState());
        await storage.ReadStateAsync("agents-queue", grainId, after);
        Assert.NotNull(after.State);
        Assert.Empty(after.State.Entries);
    }
}
