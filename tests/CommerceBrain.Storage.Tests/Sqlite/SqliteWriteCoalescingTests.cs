using System.Data.Common;
using CommerceBrain.Storage.Sqlite;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CommerceBrain.Storage.Tests.Sqlite;

/// <summary>
/// Concurrent single-statement writes on SQLite share one transaction (one fsync), yet each caller keeps its own
/// outcome and is answered only after the commit.
/// </summary>
public sealed class SqliteWriteCoalescingTests(SqliteStorageFixture fixture) : IClassFixture<SqliteStorageFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private SqliteDatabase Database => (SqliteDatabase)fixture.Harness.Get<StorageDatabase>();

    [Fact]
    public async Task Writes_queued_together_commit_together_and_a_failing_one_fails_alone()
    {
        var stream = Guid.NewGuid().ToString("N");
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Hold the writer so the next writes queue up and are committed by one batch.
        var holder = Database.WriteAsync(async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        });
        await holding.Task.WaitAsync(Patience);

        var inBatch = new List<bool>();
        var writes = Enumerable.Range(0, 20).Select(i => Database.WriteCoalescedAsync(writer =>
        {
            // Inside a transaction that is still open (not autocommit) while the statement runs.
            lock (inBatch)
            {
                inBatch.Add(SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) == 0);
            }

            using var insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO test_events (stream, seq, body, at) VALUES ($stream, $seq, NULL, 0)";
            insert.Parameters.AddWithValue("$stream", stream);
            insert.Parameters.AddWithValue("$seq", i == 7 ? -1 : i); // seq -1 violates the CHECK constraint
            return insert.ExecuteNonQuery();
        }, CancellationToken.None)).ToArray();

        Assert.All(writes, w => Assert.False(w.IsCompleted));
        release.SetResult();
        await holder.WaitAsync(Patience);
        var outcomes = await Task.WhenAll(writes.Select(w => Record.ExceptionAsync(() => w.WaitAsync(Patience))));

        Assert.IsType<SqliteException>(outcomes[7]);
        Assert.All(outcomes.Where((_, i) => i != 7), Assert.Null);
        Assert.All(inBatch, Assert.True);
        await using DbConnection reader = await Database.OpenConnectionAsync();
        var stored = (await reader.QueryAsync<long>("SELECT seq FROM test_events WHERE stream = @stream ORDER BY seq", new { stream })).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Where(i => i != 7).Select(i => (long)i), stored);
    }

    [Fact]
    public async Task A_write_cancelled_while_waiting_for_the_writer_is_never_run()
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Database.WriteAsync(async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        });
        await holding.Task.WaitAsync(Patience);
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var write = Database.WriteCoalescedAsync(writer =>
        {
            ran = true;
            return 0;
        }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(Patience));
        release.SetResult();
        await holder.WaitAsync(Patience);
        await Database.WriteCoalescedAsync(_ => 0, CancellationToken.None).WaitAsync(Patience); // drains the queue
        Assert.False(ran);
    }
}
