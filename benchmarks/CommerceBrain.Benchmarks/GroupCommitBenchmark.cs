using System.Data.Common;
using System.Diagnostics;
using CommerceBrain.Storage;
using CommerceBrain.Storage.GroupCommit;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// Group-commit appends with acknowledged durability: C concurrent callers each await AppendAsync (completes after
/// the batch's commit) in a loop. Usage: group-commit --provider Sqlite|PostgreSql [--connection "..."] [--data dir]
/// [--synchronous Full|Normal] [--callers 512] [--seconds 10] [--warmup 2] [--batch 1024] [--delay-ms 1] [--flushes 1]
/// </summary>
internal static class GroupCommitBenchmark
{
    private sealed record BenchEvent(string Stream, long Seq, string Body, DateTimeOffset At);

    private static readonly AppendOnlyTable<BenchEvent> Table = new("bench_events",
    [
        new("stream", AppendColumnType.Text, e => e.Stream),
        new("seq", AppendColumnType.Integer, e => e.Seq),
        new("body", AppendColumnType.Text, e => e.Body),
        new("at", AppendColumnType.Timestamp, e => e.At),
    ]);

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchmarkArgs(args);
        var providerName = a.Get("provider", "Sqlite");
        var callers = a.GetInt("callers", 512);
        var seconds = a.GetDouble("seconds", 10);
        var warmup = a.GetDouble("warmup", 2);
        var options = new GroupCommitOptions
        {
            MaxBatchSize = a.GetInt("batch", 1024),
            QueueCapacity = Math.Max(a.GetInt("batch", 1024) * 4, callers),
            FlushDelay = TimeSpan.FromMilliseconds(a.GetDouble("delay-ms", 1)),
            MaxConcurrentFlushes = a.GetInt("flushes", 1),
        };

        var synchronous = a.Get("synchronous", "Full");
        await using var services = await StorageBenchHost.StartAsync(
            providerName,
            a.Get("connection", ""),
            a.Get("data", "./bench-data"),
            new Dictionary<string, string?> { ["CommerceBrain:Storage:SqliteSynchronous"] = synchronous });
        var database = services.GetRequiredService<StorageDatabase>();
        await database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = database.Provider == StorageProviderKind.PostgreSql
                ? "CREATE TABLE IF NOT EXISTS bench_events (stream text NOT NULL, seq bigint NOT NULL, body text NOT NULL, at timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS bench_events (stream TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL)";
            return await command.ExecuteNonQueryAsync(ct);
        });

        var writer = services.GetRequiredService<IGroupCommitWriterFactory>().Create(Table, options);
        long counted = 0;
        var measuring = false;
        var stop = false;
        var body = new string('x', 64);
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var stream = $"caller-{c}";
            long seq = 0;
            while (!Volatile.Read(ref stop))
            {
                await writer.AppendAsync(new BenchEvent(stream, seq++, body, DateTimeOffset.UtcNow));
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref counted);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var rows = Interlocked.Read(ref counted);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        await writer.DisposeAsync();

        await using DbConnection check = await database.OpenConnectionAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM bench_events";
        var stored = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var detail = providerName.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? $" synchronous={synchronous}" : string.Empty;
        Console.WriteLine($"group-commit provider={providerName}{detail} callers={callers} batch={options.MaxBatchSize} delay={options.FlushDelay.TotalMilliseconds}ms flushes={options.MaxConcurrentFlushes} seconds={elapsed:F1} acknowledged={rows} table_rows={stored}");
        Console.WriteLine($"GROUP_COMMIT_ROWS_PER_SEC={rows / elapsed:F0}");
        return 0;
    }
}
