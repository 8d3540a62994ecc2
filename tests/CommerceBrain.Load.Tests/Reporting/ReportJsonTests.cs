using System.Text.Json;
using CommerceBrain.Load.Reporting;
using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Tests.Reporting;

public sealed class ReportJsonTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("load-report-").FullName;

    [Fact]
    public async Task The_json_report_has_the_names_run_all_reads_and_latencies_in_milliseconds()
    {
        var result = SampleResult();
        var report = ReportBuilder.Build(result, "http", "http://127.0.0.1:5000/", "test machine", "abc1234");

        var files = await ReportWriter.WriteAsync(report, result, dir, "sample", CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "sample.json")));
        var root = json.RootElement;
        foreach (var field in new[] { "profile", "target", "startedAt", "duration_s", "machine", "commit", "scenarios", "timeline" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.Equal("abc1234", root.GetProperty("commit").GetString());
        var scenario = root.GetProperty("scenarios")[0];
        Assert.Equal("claims", scenario.GetProperty("name").GetString());
        Assert.Equal(4, scenario.GetProperty("iterations").GetInt64());
        Assert.Equal(3, scenario.GetProperty("ok").GetInt64());
        Assert.Equal(1, scenario.GetProperty("failed").GetInt64());
        Assert.Equal(2.0, scenario.GetProperty("rps").GetDouble());          // 4 iterations over 2 s
        var latency = scenario.GetProperty("latency_ms");
        foreach (var field in new[] { "mean", "p50", "p90", "p99", "p999", "max" })
        {
            Assert.True(latency.TryGetProperty(field, out _), field);
        }

        Assert.Equal(2.0, latency.GetProperty("p50").GetDouble(), 2);      // 1, 2, 3, 40 ms recorded
        Assert.Equal(40.0, latency.GetProperty("max").GetDouble(), 1);
        var step = scenario.GetProperty("steps")[0];
        Assert.Equal("claim", step.GetProperty("name").GetString());
        foreach (var field in new[] { "ok", "failed", "rps", "latency_ms", "errors" })
        {
            Assert.True(step.TryGetProperty(field, out _), field);
        }

        var error = step.GetProperty("errors")[0];
        Assert.Equal("409", error.GetProperty("status").GetString());
        Assert.Equal("sold out", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("count").GetInt64());

        var row = root.GetProperty("timeline")[1];
        Assert.Equal(2, row.GetProperty("t_s").GetInt32());
        Assert.Equal("claims", row.GetProperty("scenario").GetString());
        Assert.Equal(1, row.GetProperty("ok").GetInt64());
        Assert.Equal(1, row.GetProperty("failed").GetInt64());
        Assert.Equal(40.0, row.GetProperty("p99_ms").GetDouble());

        Assert.Contains(Path.Combine(dir, "sample.md"), files);
        Assert.Contains(Path.Combine(dir, "sample-claims-throughput.svg"), files);
        Assert.Contains(Path.Combine(dir, "sample-claims-latency.svg"), files);
        var markdown = await File.ReadAllTextAsync(Path.Combine(dir, "sample.md"));
        Assert.Contains("](sample-claims-throughput.svg)", markdown);
        Assert.Contains("| step claim | 409 | sold out | 1 |", markdown);
    }

    [Fact]
    public async Task Ok_outcomes_by_status_are_in_the_json_next_to_errors_and_in_the_markdown_with_the_automation_share()
    {
        var iterations = new OutcomeStats("faq");
        var ask = new OutcomeStats("ask");
        foreach (var (iteration, kind) in new[]
                 {
                     ("answered", "answer"), ("answered", "answer"), ("answered", "clarify"), ("handed_over", "handed_over"),
                 })
        {
            iterations.Record(1_000, Response.Ok(statusCode: iteration));
            ask.Record(1_000, Response.Ok(statusCode: kind));
        }

        iterations.Record(2_000, Response.Fail("500", "boom"));
        ask.Record(2_000, Response.Fail("500", "boom"));
        var result = new RunResult(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero), 1.0, Interrupted: false,
            [new ScenarioResult("faq", 1.0, OutcomeResult.From(iterations), [OutcomeResult.From(ask)])], []);
        var report = ReportBuilder.Build(result, "double11", "http://127.0.0.1:5000/", "test machine", "abc1234");

        await ReportWriter.WriteAsync(report, result, dir, "outcomes", CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "outcomes.json")));
        var scenario = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal([("answered", 3L), ("handed_over", 1L)], Outcomes(scenario));
        Assert.Equal("500", scenario.GetProperty("errors")[0].GetProperty("status").GetString());
        var step = scenario.GetProperty("steps")[0];
        Assert.Equal([("answer", 2L), ("clarify", 1L), ("handed_over", 1L)], Outcomes(step));
        Assert.Equal(1, step.GetProperty("errors")[0].GetProperty("count").GetInt64());

        var markdown = await File.ReadAllTextAsync(Path.Combine(dir, "outcomes.md"));
        Assert.Contains("| ok outcomes |", markdown);
        Assert.Contains("| answered 3, handed_over 1 (automated 75.0 %) |", markdown);
        Assert.Contains("| iteration | handed_over | 1 | 25.0 % |", markdown);
        Assert.Contains("| step ask | answer | 2 | 50.0 % |", markdown);
        Assert.Contains("| step ask | 500 | boom | 1 |", markdown);
    }

    [Fact]
    public void The_automation_share_needs_answered_or_handed_over_outcomes()
    {
        Assert.Null(OutcomeSummary.AutomationShare([new OutcomeReport("granted", 3), new OutcomeReport("denied_budget_exhausted", 2)]));
        Assert.Equal(1.0, OutcomeSummary.AutomationShare([new OutcomeReport("answered", 3)]));
        Assert.Equal("granted 3, denied_budget_exhausted 2", OutcomeSummary.Describe([new OutcomeReport("granted", 3), new OutcomeReport("denied_budget_exhausted", 2)]));
        Assert.Equal("answered 9, handed_over 1 (automated 90.0 %)", OutcomeSummary.Describe([new OutcomeReport("answered", 9), new OutcomeReport("handed_over", 1)]));
        Assert.Equal("", OutcomeSummary.Describe([]));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static List<(string, long)> Outcomes(JsonElement element) =>
        element.GetProperty("outcomes").EnumerateArray().Select(o => (o.GetProperty("status").GetString()!, o.GetProperty("count").GetInt64())).ToList();

    private static RunResult SampleResult()
    {
        var iterations = new OutcomeStats("claims");
        var claim = new OutcomeStats("claim");
        foreach (var (micros, response) in new[]
                 {
                     (1_000L, Response.Ok()), (2_000L, Response.Ok()), (3_000L, Response.Ok()), (40_000L, Response.Fail("409", "sold out")),
                 })
        {
            iterations.Record(micros, response);
            claim.Record(micros, response);
        }

        return new RunResult(
            new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero),
            2.0,
            Interrupted: false,
            [new ScenarioResult("claims", 2.0, OutcomeResult.From(iterations), [OutcomeResult.From(claim)])],
            [new TimelineRow(1, "claims", 2, 0, 1.5, 2.0), new TimelineRow(2, "claims", 1, 1, 3.0, 40.0)]);
    }
}
