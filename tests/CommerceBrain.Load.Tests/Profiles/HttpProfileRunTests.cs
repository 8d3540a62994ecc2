using System.Text.Json;
using CommerceBrain.Load.Commands;
using CommerceBrain.Load.Tests.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Load.Tests.Profiles;

public sealed class HttpProfileRunTests : IAsyncLifetime
{
    private readonly string dir = Directory.CreateTempSubdirectory("load-http-").FullName;
    private readonly CancellationTokenSource interrupt = new();
    private WebApplication? app;
    private int served;
    private string url = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/health/live", () =>
        {
            Interlocked.Increment(ref served);
            return "Healthy";
        });
        app.MapGet("/interrupt-after-50", () =>
        {
            if (Interlocked.Increment(ref served) == 50)
            {
                interrupt.Cancel();
            }

            return "ok";
        });
        await app.StartAsync();
        url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [Fact]
    public async Task Closed_model_run_gets_every_request_answered_and_writes_the_reports()
    {
        var (code, output, error) = await CliRunner.RunAsync("run", "--profile", "http", "--target", url, "--duration", "30s",
            "--connections", "4", "--option", "max-iterations=200", "--report-dir", dir, "--report-name", "closed", "--no-live");

        Assert.True(code == ExitCodes.Success, error);
        var scenario = Scenario("closed");
        Assert.Equal(200, scenario.GetProperty("iterations").GetInt64());
        Assert.Equal(200, scenario.GetProperty("ok").GetInt64());
        Assert.Equal(0, scenario.GetProperty("failed").GetInt64());
        Assert.Equal(200, served);
        var step = scenario.GetProperty("steps")[0];
        Assert.Equal("get", step.GetProperty("name").GetString());
        Assert.Equal(200, step.GetProperty("ok").GetInt64());
        Assert.Contains("http: 200 iterations, 200 ok, 0 failed", output);
        Assert.True(File.Exists(Path.Combine(dir, "closed.md")));
        Assert.True(File.Exists(Path.Combine(dir, "closed-http-throughput.svg")));
        Assert.True(File.Exists(Path.Combine(dir, "closed-http-latency.svg")));
    }

    [Fact]
    public async Task The_httpclient_option_runs_the_same_requests_over_HttpClient()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--profile", "http", "--target", url, "--duration", "30s",
            "--connections", "4", "--option", "max-iterations=100", "--option", "client=httpclient", "--report-dir", dir,
            "--report-name", "httpclient", "--no-live");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(100, Scenario("httpclient").GetProperty("ok").GetInt64());
        Assert.Equal(100, served);
    }

    [Fact]
    public async Task Open_model_run_sends_the_scheduled_number_of_requests()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--profile", "http", "--target", url, "--duration", "1s",
            "--rate", "100", "--report-dir", dir, "--report-name", "open", "--no-live");

        Assert.True(code == ExitCodes.Success, error);
        var scenario = Scenario("open");
        Assert.Equal(100, scenario.GetProperty("ok").GetInt64());
        Assert.Equal(0, scenario.GetProperty("failed").GetInt64());
        Assert.Equal(100, served);
    }

    [Fact]
    public async Task Error_statuses_are_counted_by_status_and_the_run_still_exits_0()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--profile", "http", "--target", url, "--path", "/missing", "--duration", "30s",
            "--connections", "2", "--option", "max-iterations=20", "--report-dir", dir, "--report-name", "errors", "--no-live");

        Assert.True(code == ExitCodes.Success, error);
        var scenario = Scenario("errors");
        Assert.Equal(0, scenario.GetProperty("ok").GetInt64());
        Assert.Equal(20, scenario.GetProperty("failed").GetInt64());
        var stepError = scenario.GetProperty("steps")[0].GetProperty("errors")[0];
        Assert.Equal("404", stepError.GetProperty("status").GetString());
        Assert.Equal(20, stepError.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Interrupting_a_run_still_writes_the_report_of_what_ran()
    {
        var (code, output, error) = await CliRunner.RunAsync(interrupt.Token, "run", "--profile", "http", "--target", url, "--path", "/interrupt-after-50",
            "--duration", "10m", "--connections", "2", "--report-dir", dir, "--report-name", "interrupted", "--no-live");

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "interrupted.json")));
        Assert.True(json.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.InRange(json.RootElement.GetProperty("scenarios")[0].GetProperty("ok").GetInt64(), 50, 52);
        Assert.Contains("interrupted", output);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        interrupt.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    private JsonElement Scenario(string name)
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".json")));
        return json.RootElement.GetProperty("scenarios")[0].Clone();
    }
}
