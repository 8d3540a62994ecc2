using System.Data.Common;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>Group-commit appends through each provider's bulk path into the test_events table.</summary>
public abstract class GroupCommitContract(IStorageFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed record TestEvent(string Stream, long Seq, string? Body, DateTimeOffset At);

    public static readonly AppendOnlyTable<TestEvent> Table = new("test_events",
    [
        new("stream", AppendColumnType.Text, e => e.Stream),
        new("seq", AppendColumnType.Integer, e => e.Seq),
        new("body", AppendColumnType.Text, e => e.Body),
        new("at", AppendColumnType.Timestamp, e => e.At),
    ]);

    private IGroupCommitWriterFactory Factory => fixture.Harness.Get<IGroupCommitWriterFactory>();

    private async Task<List<(long Seq, string? Body)>> ReadStreamAsync(string stream)
    {
        await using DbConnection connection = await fixture.Harness.Get<StorageDatabase>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(long, string?)>("SELECT seq, body FROM test_events WHERE stream = @stream ORDER BY seq", new { stream })];
    }

    [Fact]
    public async Task Every_concurrent_caller_completes_after_its_row_is_committed()
    {
        var stream = Guid.NewGuid().ToString("N");
        var at = new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        await using var writer = Factory.Create(Table, new GroupCommitOptions { MaxBatchSize = 128, QueueCapacity = 512 });

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => writer.AppendAsync(new TestEvent(stream, i, i % 10 == 0 ? null : $"body {i}", at))))).WaitAsync(Patience);

        var rows = await ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), rows.Select(r => r.Seq));
        Assert.Null(rows[0].Body);
        Assert.Equal("body 1", rows[1].Body);
    }

    [Fact]
    public async Task A_batch_the_database_rejects_faults_its_callers_and_leaves_no_rows()
    {
        var stream = Guid.NewGuid().ToString("N");
        var at = DateTimeOffset.UtcNow;
        await using var writer = Factory.Create(Table, new GroupCommitOptions { MaxBatchSize = 10, FlushDelay = TimeSpan.FromMilliseconds(20) });

        var appends = new[]
        {
            writer.AppendAsync(new TestEvent(stream, 1, "fine", at)),
            writer.AppendAsync(new TestEvent(stream, -1, "violates the check", at)),
        };
        var failures = await Task.WhenAll(appends.Select(a => Record.ExceptionAsync(() => a.WaitAsync(Patience))));
        await writer.AppendAsync(new TestEvent(stream, 2, "later batch", at)).WaitAsync(Patience);

        // The two rows may or may not share a batch; the bad row always fails, and a failed batch leaves nothing.
        Assert.IsAssignableFrom<DbException>(failures[1]);
        var rows = await ReadStreamAsync(stream);
        Assert.Equal(failures[0] is null ? [1L, 2L] : [2L], rows.Select(r => r.Seq));
    }

    [Fact]
    public async Task Disposing_the_writer_commits_rows_still_waiting_for_their_batch()
    {
        var stream = Guid.NewGuid().ToString("N");
        var writer = Factory.Create(Table, new GroupCommitOptions { MaxBatchSize = 1000, FlushDelay = TimeSpan.FromMinutes(10) });
        var appends = Enumerable.Range(0, 25).Select(i => writer.AppendAsync(new TestEvent(stream, i, null, DateTimeOffset.UtcNow))).ToArray();

        await writer.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        Assert.Equal(25, (await ReadStreamAsync(stream)).Count);
    }

    public sealed record TypedRow(int Id, string? Label, float? Amount, bool? Active, byte[]? Blob, DateTimeOffset? At, Guid? Uid, string? Doc);

    [Fact]
    public async Task Every_column_type_is_written_by_the_bulk_path_and_reads_back()
    {
        var table = new AppendOnlyTable<TypedRow>("typed_rows",
        [
            new("id", AppendColumnType.Integer, r => r.Id),
            new("label", AppendColumnType.Text, r => r.Label),
            new("amount", AppendColumnType.Real, r => r.Amount),
            new("active", AppendColumnType.Boolean, r => r.Active),
            new("blob", AppendColumnType.Bytes, r => r.Blob),
            new("at", AppendColumnType.Timestamp, r => r.At),
            new("uid", AppendColumnType.Uuid, r => r.Uid),
            new("doc", AppendColumnType.Json, r => r.Doc),
        ]);
        var id = Random.Shared.Next(1, int.MaxValue - 1);
        var uid = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 11, 20, 0, 0, 250, TimeSpan.FromHours(8));
        await using (var writer = Factory.Create(table))
        {
            await Task.WhenAll(
                writer.AppendAsync(new TypedRow(id, "Grüße", 12.5f, true, [1, 2, 3], at, uid, """{"sku": "A-1"}""")),
                writer.AppendAsync(new TypedRow(id + 1, null, null, null, null, null, null, null))).WaitAsync(Patience);
        }

        await using DbConnection connection = await fixture.Harness.Get<StorageDatabase>().OpenConnectionAsync();
        var cast = fixture.Provider == StorageProviderKind.PostgreSql ? "::text" : string.Empty;
        var rows = (await connection.QueryAsync<(string? Label, double? Amount, bool? Active, byte[]? Blob, string? Uid, string? Doc)>(
            $"SELECT label, amount, active, blob, uid{cast}, doc{cast} FROM typed_rows WHERE id IN (@a, @b) ORDER BY id", new { a = id, b = id + 1 })).ToList();
        var atValues = new[]
        {
            await connection.ExecuteScalarAsync<object?>("SELECT at FROM typed_rows WHERE id = @id", new { id }),
            await connection.ExecuteScalarAsync<object?>("SELECT at FROM typed_rows WHERE id = @id", new { id = id + 1 }),
        };

        Assert.Equal(2, rows.Count);
        Assert.Equal(("Grüße", 12.5, true), (rows[0].Label, rows[0].Amount, rows[0].Active));
        Assert.Equal(new byte[] { 1, 2, 3 }, rows[0].Blob);
        Assert.Equal(uid.ToString("D"), rows[0].Uid);
        Assert.Contains("\"sku\"", rows[0].Doc);
        var stored = atValues[0] switch
        {
            long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            var other => throw new InvalidOperationException($"unexpected {other?.GetType()}"),
        };
        Assert.Equal(at, stored);
        Assert.Equal((null, null, null, null, null, null), rows[1]);
        Assert.True(atValues[1] is null or DBNull);
    }
}


public sealed class SqliteGroupCommitTests(SqliteStorageFixture fixture) : GroupCommitContract(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlGroupCommitTests(PostgreSqlStorageFixture fixture) : GroupCommitContract(fixture), IClassFixture<PostgreSqlStorageFixture>;
