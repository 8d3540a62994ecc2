using CommerceBrain.Load.Double11;

namespace CommerceBrain.Load.Tests.Double11;

/// <summary>The refund and FAQ scenario bodies against a scripted silo (<see cref="FakeSilo"/>): which calls they make, in which order, and what they journal.</summary>
public sealed class ScenarioBodyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("d11-body-").FullName;

    [Fact]
    public async Task A_refund_places_a_cheap_order_for_the_customer_delivers_it_then_requests_the_refund_and_journals_both()
    {
        var silo = new FakeSilo();
        var journal = Path.Combine(directory, "refund.jsonl");
        var (run, init) = await SetUpAsync(silo, "refund", journal);

        var contexts = new[] { new Context(1), new Context(2) };
        foreach (var context in contexts)
        {
            var outcome = await RefundScenario.RunAsync(run, context);
            Assert.False(outcome.IsError, outcome.ToString());
            Assert.Equal("refund_requested", outcome.StatusCode);
        }

        await run.CleanAsync(init);

        // Init read the first customers' orders: only the product below the threshold is ordered.
        var creations = silo.Requests.Where(r => r is { Method: "POST", Path: "/api/orders" }).ToList();
        Assert.Equal(2, creations.Count);
        Assert.All(creations, c =>
        {
            Assert.Equal("m-003", (string)c.Body!["merchantId"]!);
            Assert.Equal("sku-3-1", (string)c.Body!["lines"]![0]!["sku"]!);
            Assert.Equal(1, (int)c.Body!["lines"]![0]!["quantity"]!);
            Assert.StartsWith(run.Options.RunId + "-o", c.Key, StringComparison.Ordinal);
        });
        Assert.NotEqual(creations[0].Key, creations[1].Key);

        // Per order: created, a pick-up scan with the carrier, the delivery scan, then the chat; the refund is read back.
        var first = silo.Requests.SkipWhile(r => r.Path != "/api/orders").Select(r => $"{r.Method} {r.Path}").Take(9).ToList();
        Assert.Equal(
        [
            "POST /api/orders", "POST /api/orders/2026113000001/shipment-events", "POST /api/orders/2026113000001/shipment-events",
            "POST /api/sessions", "POST /api/sessions/s1/messages", "POST /api/sessions/s1/messages", "POST /api/sessions/s1/messages",
            "GET /api/orders/2026113000001", "POST /api/sessions/s1/close",
        ], first);
        var scans = silo.Requests.Where(r => r.Path == "/api/orders/2026113000001/shipment-events").Select(r => r.Body!).ToList();
        Assert.Equal(RefundScenario.Carrier, (string)scans[0]["carrier"]!);
        Assert.False((bool)scans[0]["delivered"]!);
        Assert.True((bool)scans[1]["delivered"]!);
        Assert.Contains("2026113000001", (string)silo.Requests.First(r => r.Path == "/api/sessions/s1/messages").Body!["text"]!, StringComparison.Ordinal);

        var entries = await ReadAsync(journal);
        Assert.Equal(["2026113000001", "2026113000002"], entries.Where(e => e.Kind == JournalKinds.Order).Select(e => e.OrderId));
        Assert.Equal(["rf-2026113000001-1", "rf-2026113000002-1"], entries.Where(e => e.Kind == JournalKinds.Refund).Select(e => e.RefundId));
        var order = entries.First(e => e.Kind == JournalKinds.Order);
        Assert.Equal((string)creations[0].Body!["customerId"]!, order.Subject);
        Assert.Equal(creations[0].Key, order.IdempotencyKey);
    }

    [Fact]
    public async Task A_faq_the_bot_hands_over_ends_ok_handed_over_and_the_customer_closes_the_session()
    {
        var silo = new FakeSilo { HandOver = true };
        var (run, init) = await SetUpAsync(silo, "faq", null);

        var outcome = await FaqScenario.RunAsync(run, new Context(3));
        await run.CleanAsync(init);

        Assert.False(outcome.IsError, outcome.ToString());
        Assert.Equal("handed_over", outcome.StatusCode);
        Assert.Single(silo.Requests, r => r is { Method: "POST", Path: "/api/sessions/s1/close" });
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(Double11Run Run, InitContext Init)> SetUpAsync(FakeSilo silo, string scenario, string? journal)
    {
        var options = new Dictionary<string, string> { ["scenarios"] = scenario, ["customers"] = "60", ["run-id"] = "d11-test" };
        var settings = new ProfileSettings(new Uri("http://127.0.0.1:1/"), 10, TimeSpan.FromSeconds(10), null, "/", 7, journal, options, silo);
        var run = new Double11Run(Double11Options.From(settings, DateTimeOffset.UnixEpoch), settings);
        var init = new InitContext(scenario);
        await run.SetUpAsync(init);
        return (run, init);
    }

    private static async Task<List<JournalEntry>> ReadAsync(string path)
    {
        var list = new List<JournalEntry>();
        await foreach (var entry in AckJournal.ReadAsync(path))
        {
            list.Add(entry);
        }

        return list;
    }

    private sealed class InitContext(string name) : IScenarioInitContext
    {
        public string ScenarioName => name;

        public IDictionary<string, object> Data { get; } = new Dictionary<string, object>();

        public CancellationToken CancellationToken => CancellationToken.None;

        public TextWriter Log => TextWriter.Null;
    }

    private sealed class Context(int seed) : IScenarioContext
    {
        public string ScenarioName => "test";

        public long InvocationNumber => 0;

        public int ScenarioCopyNumber => 0;

        public DateTimeOffset IntendedStart => DateTimeOffset.UnixEpoch;

        public Random Random { get; } = new(seed);

        public CancellationToken CancellationToken => CancellationToken.None;

        public IDictionary<string, object> Data { get; } = new Dictionary<string, object>();

        public TextWriter Log => TextWriter.Null;
    }
}
