using CommerceBrain.Load.Double11;

namespace CommerceBrain.Load.Tests.Double11;

public sealed class AckJournalTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("d11-journal-").FullName;

    [Fact]
    public async Task Entries_appended_from_many_threads_read_back_whole_and_equal()
    {
        var path = Path.Combine(directory, "j.jsonl");
        var at = new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        var written = Enumerable.Range(0, 2000).Select(i => (i % 4) switch
        {
            0 => new JournalEntry(JournalKinds.Message, "c-00042", at.AddMilliseconds(i), SessionId: "s" + i, ClientMessageId: "run-m" + i, EventId: i, Text: "where is my order? \"quoted\" 订单"),
            1 => new JournalEntry(JournalKinds.AgentMessage, "load-agent-001", at, SessionId: "s" + i, ClientMessageId: "run-a" + i, EventId: 3, Text: "on it"),
            2 => new JournalEntry(JournalKinds.Grant, "c-00043", at, CampaignId: "abc", IdempotencyKey: "run-k" + i, Channel: "load", CouponId: "abc.0.1.ff"),
            _ => new JournalEntry(JournalKinds.Refund, "c-00044", at, OrderId: "2026110100001", RefundId: "rf-2026110100001-" + i),
        }).ToList();

        await using (var journal = new AckJournal(path))
        {
            await Parallel.ForEachAsync(written, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (e, _) =>
            {
                journal.Append(e);
                return ValueTask.CompletedTask;
            });
            Assert.Equal(written.Count, journal.Count);
        }

        var read = new List<JournalEntry>();
        await foreach (var e in AckJournal.ReadAsync(path))
        {
            read.Add(e);
        }

        Assert.Equal(written.OrderBy(e => e.ToString()), read.OrderBy(e => e.ToString()));
        Assert.Equal(written.ToHashSet(), read.ToHashSet());
    }

    [Fact]
    public async Task Appended_entries_reach_the_file_before_the_journal_is_closed()
    {
        var path = Path.Combine(directory, "flush.jsonl");
        await using var journal = new AckJournal(path);
        journal.Append(new JournalEntry(JournalKinds.Refund, "c-00042", DateTimeOffset.UnixEpoch, OrderId: "1", RefundId: "rf-1-1"));
        journal.Flush();
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.Contains("rf-1-1", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_journal_without_a_path_records_nothing()
    {
        await using var journal = new AckJournal(null);
        journal.Append(new JournalEntry(JournalKinds.Refund, "c", DateTimeOffset.UnixEpoch));
        Assert.False(journal.IsRecording);
        Assert.Equal(0, journal.Count);
    }

    [Fact]
    public async Task A_line_that_is_not_an_entry_names_its_line_number()
    {
        var path = Path.Combine(directory, "bad.jsonl");
        await File.WriteAllLinesAsync(path, ["{\"kind\":\"refund\",\"subject\":\"c\",\"at\":\"2026-11-11T00:00:00Z\"}", "not json"]);
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in AckJournal.ReadAsync(path))
            {
            }
        });
        Assert.Contains("bad.jsonl:2", error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
