using System.Net;
using System.Net.Sockets;
using CommerceBrain.Load.Commands;

namespace CommerceBrain.Load.Tests.Commands;

public sealed class RunCommandInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("load-cli-").FullName;

    [Theory]
    [InlineData("unknown profile 'storm'; known: http", "--profile", "storm")]
    [InlineData("--rate 0: must be a number > 0", "--rate", "0")]
    [InlineData("--rate -5: must be a number > 0", "--rate", "-5")]
    [InlineData("--rate fast: must be a number > 0", "--rate", "fast")]
    [InlineData("--duration 3h: over the cap of 2h", "--duration", "3h")]
    [InlineData("--duration 0s: must be > 0", "--duration", "0s")]
    [InlineData("--duration soon: expected a duration such as 90s, 10m or 1h", "--duration", "soon")]
    [InlineData("--connections 0: must be a whole number from 1 to 100000", "--connections", "0")]
    [InlineData("--target 'not a url': not an absolute http:// or https:// URL", "--target", "not a url")]
    [InlineData("--target 'ftp://127.0.0.1/': not an absolute http:// or https:// URL", "--target", "ftp://127.0.0.1/")]
    [InlineData("--target http://shop.example.com/: shop.example.com is not a loopback address; add --allow-target shop.example.com to load it", "--target", "http://shop.example.com")]
    [InlineData("--path health: must start with '/'", "--path", "health")]
    [InlineData("--option warmup: expected key=value", "--option", "warmup")]
    [InlineData("--option timeout=soon: expected a duration such as 5s, 2m or 500ms", "--option", "timeout=soon")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string expected, string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--profile"] = "http",
            ["--target"] = "http://127.0.0.1:1",
            ["--duration"] = "1s",
            ["--report-dir"] = dir,
        };
        args[option] = value;

        var (code, output, error) = await CliRunner.RunAsync(["run", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(LoadCommandLine.Prefix + expected, Assert.Single(CliRunner.Lines(error)));
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_missing_required_option_is_one_line_and_exit_code_2()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--target", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--profile", Assert.Single(CliRunner.Lines(error)));
    }

    [Fact]
    public async Task An_unknown_command_is_one_line_and_exit_code_2()
    {
        var (code, _, error) = await CliRunner.RunAsync("storm");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(CliRunner.Lines(error));
    }

    [Fact]
    public async Task An_unreachable_target_is_one_line_and_exit_code_1()
    {
        var port = FreePort();

        var (code, _, error) = await CliRunner.RunAsync("run", "--profile", "http", "--target", $"http://127.0.0.1:{port}", "--duration", "1s",
            "--report-dir", dir);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal($"{LoadCommandLine.Prefix}cannot reach http://127.0.0.1:{port}/: connection refused; is the silo running?", Assert.Single(CliRunner.Lines(error)));
    }

    [Fact]
    public async Task A_non_loopback_target_named_with_allow_target_passes_the_policy()
    {
        Assert.NotNull(TargetPolicy.Check("http://shop.example.com:8080", ["SHOP.example.com"], out var problem));
        Assert.Null(problem);
        Assert.NotNull(TargetPolicy.Check("http://[::1]:8080", [], out _));
        Assert.NotNull(TargetPolicy.Check("http://localhost:8080", [], out _));
        Assert.Null(TargetPolicy.Check("http://10.0.0.5:8080", ["shop.example.com"], out _));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task List_names_every_profile_with_its_description()
    {
        var (code, output, _) = await CliRunner.RunAsync("list");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var profile in global::CommerceBrain.Load.Profiles.All)
        {
            Assert.Contains(CliRunner.Lines(output), line => line.StartsWith(profile.Name, StringComparison.Ordinal) && line.Contains(profile.Description, StringComparison.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static int FreePort()
    {
        // Bound and released: nothing listens there afterwards, so a connect is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
