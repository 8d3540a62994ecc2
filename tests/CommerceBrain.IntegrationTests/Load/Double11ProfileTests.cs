using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.IntegrationTests.Browser;
using CommerceBrain.Load.Commands;
using CommerceBrain.Load.Double11;

namespace CommerceBrain.IntegrationTests.Load;

/// <summary>
/// The load driver's <c>double11</c> profile, bounded to a few seconds and iterations, against a real silo with the demo
/// data (Development, SQLite, loopback HTTP): every scenario passes its checks, and <c>verify</c> reads every
/// acknowledged write of the journal back.
/// </summary>
public sealed class Double11ProfileTests(DemoSiloFixture silo) : IClassFixture<DemoSiloFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("d11-it-").FullName;

    [Fact]
    public async Task Double11_profile_passes_every_check_and_verify_finds_every_acknowledged_write()
    {
        var journal = Path.Combine(directory, "journal.jsonl");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var waitingBefore = await WaitingAsync();
        var (exit, output, error) = await DriverAsync(timeout.Token,
            "run", "--profile", "double11", "--target", silo.Url(), "--rate", "10", "--duration", "12s", "--seed", "7",
            "--journal", journal, "--report-dir", directory, "--report-name", "d11", "--no-live",
            "--option", "max-iterations=25", "--option", "storm-claims=20", "--option", "agents=4", "--option", "wait-timeout=30s");
        Assert.True(exit == 0, $"run exited {exit}: {error}\n{output}");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "d11.json")));
        var scenarios = report.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(Double11Scenarios.All, scenarios.Select(s => s.GetProperty("name").GetString()));
        foreach (var scenario in scenarios)
        {
            var name = scenario.GetProperty("name").GetString();
            Assert.True(scenario.GetProperty("iterations").GetInt64() > 0, $"{name} ran no iteration");
            Assert.True(scenario.GetProperty("failed").GetInt64() == 0, $"{name} failed: {Errors(scenario)}");
            Assert.Equal(scenario.GetProperty("ok").GetInt64(), scenario.GetProperty("outcomes").EnumerateArray().Sum(o => o.GetProperty("count").GetInt64()));
        }

        // A FAQ ends answered or handed over (both by design); a refund places and delivers its own order first.
        var faq = scenarios.Single(s => s.GetProperty("name").GetString() == Double11Scenarios.Faq);
        Assert.All(faq.GetProperty("outcomes").EnumerateArray(), o => Assert.Contains(o.GetProperty("status").GetString(), new[] { "answered", "handed_over" }));
        var refund = scenarios.Single(s => s.GetProperty("name").GetString() == Double11Scenarios.Refund);
        Assert.Equal(["place_order", "deliver", "open", "request", "recorded", "close"],
            refund.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString()));
        Assert.Equal(refund.GetProperty("ok").GetInt64(), refund.GetProperty("steps")[0].GetProperty("ok").GetInt64());
        Assert.Contains("; ok: answered ", output, StringComparison.Ordinal);
        Assert.Contains("automated ", output, StringComparison.Ordinal);

        // No session of the run is left waiting for a person: hand-overs were resolved or closed by their customers.
        await WaitForAsync(async () => await WaitingAsync() <= waitingBefore, "the agents' queues back to their length before the run", timeout.Token);

        var kinds = new HashSet<string>();
        await foreach (var entry in AckJournal.ReadAsync(journal, timeout.Token))
        {
            kinds.Add(entry.Kind);
        }

        Assert.Superset(new HashSet<string> { JournalKinds.Message, JournalKinds.AgentMessage, JournalKinds.Grant, JournalKinds.Order, JournalKinds.Refund }, kinds);
        Assert.Equal(5, kinds.Count);

        var verify = await DriverAsync(timeout.Token, "verify", "--target", silo.Url(), "--journal", journal);
        Assert.True(verify.Exit == 0, $"verify exited {verify.Exit}: {verify.Error}\n{verify.Output}");
        Assert.Matches(@"^verified [1-9]\d* acknowledged writes: 0 lost", verify.Output);
    }

    [Fact]
    public async Task Verify_reports_a_write_the_silo_does_not_have_and_exits_1()
    {
        var journal = Path.Combine(directory, "forged.jsonl");
        await using (var forged = new AckJournal(journal))
        {
            forged.Append(new JournalEntry(JournalKinds.Refund, DemoSiloFixture.Customer, DateTimeOffset.UtcNow, OrderId: "2026110500001",
                RefundId: "rf-2026110500001-99"));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var (exit, output, _) = await DriverAsync(timeout.Token, "verify", "--target", silo.Url(), "--journal", journal);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("verified 1 acknowledged writes: 1 lost", output, StringComparison.Ordinal);
        Assert.Contains("rf-2026110500001-99", output, StringComparison.Ordinal);
    }

    // Sessions waiting in all the agents' queues (the supervisor view, as an admin).
    private async Task<int> WaitingAsync()
    {
        using var mint = await silo.Silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = "d11-it-admin", role = "admin" });
        mint.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await mint.Content.ReadAsStringAsync())!["token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agents/supervisor");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await silo.Silo.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return view["queues"]!.AsArray().Sum(q => (int)q!["length"]!);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            try
            {
                await Task.Delay(200, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"timed out after 30 s waiting for {what}");
            }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> DriverAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LoadCommandLine.InvokeAsync(args, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Errors(JsonElement scenario) => string.Join("; ", scenario.GetProperty("steps").EnumerateArray()
        .SelectMany(step => step.GetProperty("errors").EnumerateArray()
            .Select(e => $"{step.GetProperty("name").GetString()}: {e.GetProperty("status").GetString()} {e.GetProperty("message").GetString()} ×{e.GetProperty("count").GetInt64()}")));

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
