using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// The real <c>commercebrain</c> executable as a child process (<c>dotnet commercebrain.dll ...</c>), with its output
/// captured. Used where only a real process can tell: start-up refusals, SIGKILL and SIGTERM.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Children still running when the test host exits (a test that timed out, an aborted run) are killed with it.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static SiloProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Values)
        {
            try
            {
                child.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    };

    private SiloProcess(Process process) => this.process = process;

    /// <summary>The built silo next to the test assembly (the project reference copies it with its runtimeconfig).</summary>
    public static string ExecutablePath { get; } = Path.Combine(AppContext.BaseDirectory, "commercebrain.dll");

    public string StandardOutput { get { lock (stdout) { return stdout.ToString(); } } }

    public string StandardError { get { lock (stderr) { return stderr.ToString(); } } }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts <c>commercebrain</c> with <paramref name="arguments"/>; <paramref name="environment"/> entries with null
    /// values are removed (e.g. <see cref="SharedNluModels.ModelDirectoryVariable"/> to let the silo train its own models).
    /// </summary>
    public static SiloProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(ExecutablePath);
        var given = arguments.ToList();
        foreach (var argument in given)
        {
            info.ArgumentList.Add(argument);
        }

        // Tests run silos side by side: each gets its own Orleans silo port unless the test chose one.
        if (given.FirstOrDefault() == "serve" && !given.Contains("--silo-port")
            && !(environment?.ContainsKey("CommerceBrain__Cluster__SiloPort") ?? false))
        {
            info.ArgumentList.Add("--silo-port");
            info.ArgumentList.Add(FreePort.Closed().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The child must not pick up settings meant for the test run or for a developer's shell.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("CommerceBrain__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("OTEL_", StringComparison.Ordinal) || k is "ASPNETCORE_URLS" or "ASPNETCORE_ENVIRONMENT").ToList())
        {
            info.Environment.Remove(key);
        }

        // Silos load the demo models trained once per test run instead of training their own (the nlu commands need none).
        if (info.ArgumentList.Count < 2 || info.ArgumentList[1] != "nlu")
        {
            info.Environment[SharedNluModels.ModelDirectoryVariable] = SharedNluModels.Directory;
        }

        // Load, crash and failover tests drive many requests from one address; rate-limit tests turn the limiter back on.
        info.Environment["CommerceBrain__RateLimits__Enabled"] = "false";
        // Seeding 150,000 demo rows would slow every silo these tests start; tests that want it set this to true.
        info.Environment["CommerceBrain__Commerce__SeedDemoData"] = "false";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var silo = new SiloProcess(process);
        process.OutputDataReceived += (_, e) => silo.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => silo.OnError(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("The silo process did not start.");
        }

        Running[process.Id] = process;
        process.Exited += (_, _) => Running.TryRemove(process.Id, out _);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Starts <c>serve</c> on a dynamic loopback port with the given data directory and storage.</summary>
    public static SiloProcess Serve(string dataDirectory, string storage = "Sqlite", string? connectionString = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var arguments = new List<string> { "serve", "--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory, "--storage", storage };
        if (connectionString is not null)
        {
            arguments.AddRange(["--connection-string", connectionString]);
        }

        return Start(arguments, environment);
    }

    /// <summary>The address Kestrel reports once it listens (port 0 becomes a real port).</summary>
    public async Task<Uri> WaitForListeningAsync(TimeSpan? timeout = null)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited).WaitAsync(timeout ?? Eventually.DefaultTimeout);
        if (first != listening.Task)
        {
            await DrainAsync();
            throw new InvalidOperationException(
                $"The silo exited with code {process.ExitCode} before listening.{Environment.NewLine}{Describe()}");
        }

        return await listening.Task;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 and returns a client for the silo.</summary>
    public async Task<HttpClient> WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var address = await WaitForListeningAsync(timeout);
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The silo exited with code {process.ExitCode}.{Environment.NewLine}{Describe()}");
                }

                try
                {
                    using var response = await client.GetAsync("/health/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the silo to become ready",
            timeout);
        return client;
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? Eventually.DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The silo did not exit in time.{Environment.NewLine}{Describe()}");
        }

        await DrainAsync();
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await DrainAsync();
    }

    /// <summary>SIGTERM: what an orchestrator sends to stop a container.</summary>
    public void Terminate()
    {
        if (Kill(process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public string Describe() => $"--- stderr ---{Environment.NewLine}{StandardError}--- stdout ---{Environment.NewLine}{StandardOutput}";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task DrainAsync()
    {
        // Exit can be observed before the last lines of output were read.
        await Task.WhenAll(stdoutClosed.Task, stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            stdoutClosed.TrySetResult();
            return;
        }

        lock (stdout)
        {
            stdout.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var address))
        {
            listening.TrySetResult(address);
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            stderrClosed.TrySetResult();
            return;
        }

        lock (stderr)
        {
            stderr.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>https?://[^\s""]+)")]
    private static partial Regex ListeningLine();

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
