using System.CommandLine;
using System.Globalization;
using System.Text;
using CommerceBrain.Load.Reporting;
using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Commands;

/// <summary>
/// <c>run</c>: checks the input (one line and exit 2 when bad), probes the target (exit 1 when unreachable), runs the
/// profile's scenarios with live or plain progress, and writes the Markdown, JSON and SVG reports (exit 0).
/// </summary>
public sealed class RunCommand : ILoadCommand
{
    /// <summary>Duration when --duration is not given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(1);

    private readonly Option<string> profile = new("--profile") { Description = "Profile to run (see 'list').", Required = true, HelpName = "name" };
    private readonly Option<string> target = new("--target") { Description = "Base URL of the system under test (loopback, or a host named with --allow-target).", Required = true, HelpName = "url" };
    private readonly Option<string?> rate = new("--rate") { Description = "Profile-defined rate in iterations/s (http: open model at this rate).", HelpName = "R" };
    private readonly Option<string?> duration = new("--duration") { Description = "How long the load runs: 90s, 10m, 1h (default 1m, cap 2h).", HelpName = "time" };
    private readonly Option<string?> connections = new("--connections") { Description = "Closed-model copies (http: concurrent connections, default 64).", HelpName = "N" };
    private readonly Option<string> path = new("--path") { Description = "http profile: path to GET.", DefaultValueFactory = _ => "/health/live", HelpName = "/path" };
    private readonly Option<string?> seed = new("--seed") { Description = "Seed for every random choice (default 42).", HelpName = "S" };
    private readonly Option<string?> journal = new("--journal") { Description = "File where acknowledged writes are appended (JSON lines), for 'verify'.", HelpName = "file" };
    private readonly Option<string[]> options = new("--option") { Description = "Profile-specific knob, repeatable.", HelpName = "key=value", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> reportDir = new("--report-dir") { Description = "Directory for the reports.", DefaultValueFactory = _ => "load-reports", HelpName = "dir" };
    private readonly Option<string?> reportName = new("--report-name") { Description = "Base name of the report files (default <profile>-<UTC time>).", HelpName = "name" };
    private readonly Option<string[]> allowTarget = new("--allow-target") { Description = "A non-loopback host the driver may load, repeatable.", HelpName = "host", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> noLive = new("--no-live") { Description = "Plain progress lines every 5 s even on a terminal." };

    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("run", "Run a load profile against a target and write the reports.")
        {
            profile, target, rate, duration, connections, path, seed, journal, options, reportDir, reportName, allowTarget, noLive,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse, cancellationToken));
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var limits = RunLimits.Default;

        // Input, each problem one line, exit 2.
        var profileName = parse.GetValue(profile)!;
        var chosen = Profiles.Find(profileName);
        if (chosen is null)
        {
            return await BadInputAsync(error, $"unknown profile '{profileName}'; known: {string.Join(", ", Profiles.All.Select(p => p.Name))}");
        }

        var targetUri = TargetPolicy.Check(parse.GetValue(target), parse.GetValue(allowTarget) ?? [], out var targetProblem);
        if (targetUri is null)
        {
            return await BadInputAsync(error, targetProblem!);
        }

        double rateValue = 0;
        var rateText = parse.GetValue(rate);
        if (rateText is not null && (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out rateValue) || !double.IsFinite(rateValue) || rateValue <= 0))
        {
            return await BadInputAsync(error, $"--rate {rateText}: must be a number > 0");
        }

        var durationValue = DefaultDuration;
        var durationText = parse.GetValue(duration);
        if (durationText is not null)
        {
            if (!DurationText.TryParse(durationText, out durationValue))
            {
                return await BadInputAsync(error, $"--duration {durationText}: expected a duration such as 90s, 10m or 1h");
            }

            if (durationValue <= TimeSpan.Zero)
            {
                return await BadInputAsync(error, $"--duration {durationText}: must be > 0");
            }

            if (durationValue > limits.MaxDuration)
            {
                return await BadInputAsync(error, $"--duration {durationText}: over the cap of {DurationText.Format(limits.MaxDuration)}");
            }
        }

        int? connectionsValue = null;
        var connectionsText = parse.GetValue(connections);
        if (connectionsText is not null)
        {
            if (!int.TryParse(connectionsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) || c <= 0 || c > 100_000)
            {
                return await BadInputAsync(error, $"--connections {connectionsText}: must be a whole number from 1 to 100000");
            }

            connectionsValue = c;
        }

        var seedValue = 42;
        var seedText = parse.GetValue(seed);
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seedValue))
        {
            return await BadInputAsync(error, $"--seed {seedText}: must be a whole number");
        }

        var knobs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parse.GetValue(options) ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return await BadInputAsync(error, $"--option {pair}: expected key=value");
            }

            knobs[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        var name = parse.GetValue(reportName) ?? $"{chosen.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return await BadInputAsync(error, $"--report-name {name}: must be a plain file name");
        }

        var directory = parse.GetValue(reportDir)!;
        using var handler = CreateHandler(connectionsValue);
        var settings = new ProfileSettings(targetUri, rateValue, durationValue, connectionsValue, parse.GetValue(path)!, seedValue,
            parse.GetValue(journal), knobs, handler);
        IReadOnlyList<ScenarioProps> scenarios;
        try
        {
            scenarios = chosen.Build(settings);
        }
        catch (Exception ex) when (ex is ProfileSettingsException or ArgumentException)
        {
            return await BadInputAsync(error, LoadCommandLine.OneLine(ex.Message));
        }

        var logPath = Path.Combine(directory, name + ".log");
        StreamWriter logFile;
        try
        {
            Directory.CreateDirectory(directory);
            logFile = new StreamWriter(logPath, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return await BadInputAsync(error, $"--report-dir {directory}: cannot write {logPath}: {LoadCommandLine.OneLine(ex.Message)}");
        }

        await using var logFileScope = logFile;
        var log = TextWriter.Synchronized(logFile);
        var live = !parse.GetValue(noLive) && LiveProgress.IsSupported(output);
        IRunObserver observer = live ? new LiveProgress() : new PlainProgress(output);
        var runner = new LoadRunner(limits, seedValue, log, observer);
        try
        {
            runner.Validate(scenarios);
        }
        catch (LoadRunException ex)
        {
            return await BadInputAsync(error, ex.Message);
        }

        RunResult result;
        try
        {
            // The target, once, before anything else touches it.
            var unreachable = await TargetProbe.ProbeAsync(targetUri, TimeSpan.FromSeconds(5), cancellationToken);
            if (unreachable is not null)
            {
                await error.WriteLineAsync($"{LoadCommandLine.Prefix}cannot reach {targetUri}: {unreachable}; is the silo running?");
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"running {chosen.Name} against {targetUri} for {DurationText.Format(durationValue)} ({scenarios.Count} scenario(s)); log {logPath}"));
            result = live ? await ((LiveProgress)observer).RunAsync(() => runner.RunAsync(scenarios, cancellationToken)) : await runner.RunAsync(scenarios, cancellationToken);
        }
        catch (LoadRunException ex)
        {
            await error.WriteLineAsync(LoadCommandLine.Prefix + LoadCommandLine.OneLine(ex.Message));
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C before the load started (during the probe or an Init): nothing ran, so there is nothing to report.
            await error.WriteLineAsync(LoadCommandLine.Prefix + "interrupted before the load started");
            return ExitCodes.Failure;
        }

        var report = ReportBuilder.Build(result, chosen.Name, targetUri.ToString(), MachineInfo.Describe(), MachineInfo.Commit());
        var files = await ReportWriter.WriteAsync(report, result, directory, name, CancellationToken.None);
        foreach (var s in report.Scenarios)
        {
            // OK outcomes by status (and the automation share of conversations the bot answered or handed over).
            var outcomes = s.Outcomes.Count > 0 ? "; ok: " + OutcomeSummary.Describe(s.Outcomes) : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name}: {s.Iterations} iterations, {s.Ok} ok, {s.Failed} failed, {s.Rps:0.0}/s, p50 {s.Latency.P50:0.00} ms, p99 {s.Latency.P99:0.00} ms, max {s.Latency.Max:0.00} ms{outcomes}"));
        }

        if (result.Interrupted)
        {
            await output.WriteLineAsync("interrupted: the report covers what ran until then");
        }

        await output.WriteLineAsync($"reports: {string.Join(", ", files.Where(f => !f.EndsWith(".svg", StringComparison.Ordinal)))} (+ {files.Count(f => f.EndsWith(".svg", StringComparison.Ordinal))} charts)");
        return ExitCodes.Success;
    }

    /// <summary>The one pooled handler every profile's HttpClients share.</summary>
    internal static SocketsHttpHandler CreateHandler(int? connections) => new()
    {
        MaxConnectionsPerServer = connections ?? 1024,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    };

    private static async Task<int> BadInputAsync(TextWriter error, string line)
    {
        await error.WriteLineAsync(LoadCommandLine.Prefix + line);
        return ExitCodes.BadInput;
    }
}
