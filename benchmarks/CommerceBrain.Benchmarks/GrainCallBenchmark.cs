using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// No-op grain calls per second in one Orleans silo hosted in this process, over many target keys: grain to grain
/// (<see cref="PingCallerGrain"/>s call <see cref="PingGrain"/>s) and, for comparison, from <see cref="IGrainFactory"/>
/// outside any grain. In-flight calls are bounded (callers × in-flight loops, each awaiting its call before the next), as
/// Orleans' maintainers advise: unbounded fire-and-forget only measures queueing.
/// </summary>
/// <remarks>
/// grain-calls [--keys 10000] [--callers N] [--in-flight N] [--seconds 5] [--warmup 10] [--runs 5] [--mode grain|client|both] [--silo-port 0] [--alloc-types]
/// (--alloc-types samples allocated types through a runtime event listener, which itself costs some throughput).
/// </remarks>
internal static class GrainCallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunCheckedAsync(args);
        }
        catch (ArgumentException e)
        {
            // Bad options: say which and how, without a stack trace.
            await Console.Error.WriteLineAsync($"grain-calls: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunCheckedAsync(string[] args)
    {
        var keys = Option(args, "--keys", 10_000);
        var callers = Option(args, "--callers", 2 * Environment.ProcessorCount);
        var inFlight = Option(args, "--in-flight", 100);
        var seconds = Option(args, "--seconds", 5);
        var warmup = Option(args, "--warmup", 10);
        var runs = Option(args, "--runs", 5);
        var siloPort = Option(args, "--silo-port", 0, allowZero: true);
        var modes = (OptionText(args, "--mode") ?? "both") switch
        {
            "grain" => ["grain"],
            "client" => ["client"],
            "both" => new[] { "grain", "client" },
            var other => throw new ArgumentException($"--mode takes grain, client or both, not '{other}'."),
        };

        if ((long)callers * inFlight > keys)
        {
            throw new ArgumentException($"--callers × --in-flight ({callers * inFlight}) must not exceed --keys ({keys}): each loop needs a key of its own.");
        }

        Console.WriteLine($"grain-calls: {keys:N0} keys, {callers} callers x {inFlight} in flight = {callers * inFlight} calls in flight, " +
                          $"{runs} runs x {seconds} s after {warmup} s warm-up");
        Console.WriteLine($"runtime: {RuntimeSettings()}");
        Console.WriteLine($"load average at start: {LoadAverage()}");

        using var sampler = args.Contains("--alloc-types") ? new AllocationSampler() : null;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Loopback only; no gateway: every call here starts inside the silo process.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: siloPort == 0 ? FreeTcpPort() : siloPort, gatewayPort: 0));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            PingRunPlan Plan(int runSeconds) => new(keys, callers, inFlight, DateTime.UtcNow.AddSeconds(runSeconds));

            // Activate every target (and the callers) once, in bounded batches, before anything is timed.
            for (var batch = 0; batch < keys; batch += 1_000)
            {
                await Task.WhenAll(Enumerable.Range(batch, Math.Min(1_000, keys - batch)).Select(k => grains.GetGrain<IPingGrain>(k).Ping().AsTask()));
            }

            foreach (var mode in modes)
            {
                var label = mode == "grain" ? "grain-to-grain" : "client-to-grain";
                Func<PingRunPlan, Task<long>> run = mode == "grain" ? p => RunFromGrains(grains, p) : p => RunFromClient(grains, p);
                await run(Plan(warmup));
                GC.Collect();
                sampler?.PrintAndReset($"{label} warm-up (start-up and JIT included)");

                var measurements = new List<Measurement>();
                for (var i = 1; i <= runs; i++)
                {
                    var measured = await Measure(() => run(Plan(seconds)));
                    measurements.Add(measured);
                    Console.WriteLine($"{label} run {i}: {Format(measured.CallsPerSecond)} calls/s " +
                                      $"({Format(measured.Calls)} calls in {measured.Seconds:F2} s; process CPU {measured.CpuCores:F2} cores, " +
                                      $"{Format(measured.CallsPerCpuSecond)} calls per CPU-second; " +
                                      $"{measured.BytesPerCall:F0} B allocated/call; GCs gen0/1/2 {measured.Gen0}/{measured.Gen1}/{measured.Gen2})");
                }

                sampler?.PrintAndReset(label);
                Console.WriteLine($"RESULT {label} median {Format(Median(measurements.Select(m => m.CallsPerSecond)))} calls/s " +
                                  $"(runs in order: {string.Join(", ", measurements.Select(m => Format(m.CallsPerSecond)))}); " +
                                  $"median {Format(Median(measurements.Select(m => m.CallsPerCpuSecond)))} calls per CPU-second, " +
                                  $"process CPU {Median(measurements.Select(m => m.CpuCores)):F2} of {Environment.ProcessorCount} cores; load average now {LoadAverage()}");
            }
        }
        finally
        {
            await host.StopAsync();
        }

        return 0;
    }

    /// <summary>Every caller grain runs the plan at once; the calls start inside grains.</summary>
    private static async Task<long> RunFromGrains(IGrainFactory grains, PingRunPlan plan)
    {
        var callers = Enumerable.Range(0, plan.Callers).Select(c => grains.GetGrain<IPingCallerGrain>(c).Run(plan));
        return (await Task.WhenAll(callers)).Sum();
    }

    /// <summary>The same loops and key slices, run on the thread pool outside any grain (IGrainFactory from the silo's services).</summary>
    private static async Task<long> RunFromClient(IGrainFactory grains, PingRunPlan plan)
    {
        var loops = plan.Callers * plan.InFlight;
        var deadline = PingLoop.StopwatchDeadline(plan.Deadline);
        var tasks = Enumerable.Range(0, loops)
            .Select(loop => PingLoop.Targets(grains, plan.Keys, loop, loops))
            .ToArray()
            .Select(targets => Task.Run(() => PingLoop.RunAsync(targets, deadline)));
        return (await Task.WhenAll(tasks)).Sum();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<Measurement> Measure(Func<Task<long>> run)
    {
        using var process = Process.GetCurrentProcess();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var calls = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Measurement(
            calls,
            seconds,
            (process.TotalProcessorTime - cpu).TotalSeconds / seconds,
            (double)(GC.GetTotalAllocatedBytes(precise: false) - allocated) / calls,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2);
    }

    private sealed record Measurement(long Calls, double Seconds, double CpuCores, double BytesPerCall, int Gen0, int Gen1, int Gen2)
    {
        public double CallsPerSecond => Calls / Seconds;

        /// <summary>Calls per second of CPU this process used: on a shared machine the process rarely has every core.</summary>
        public double CallsPerCpuSecond => CallsPerSecond / CpuCores;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 ? null : index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static int Option(string[] args, string name, int fallback, bool allowZero = false)
    {
        var text = OptionText(args, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"{name} needs a {(allowZero ? "non-negative" : "positive")} integer, not '{text}'.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string RuntimeSettings()
    {
        var env = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && !k.StartsWith("DOTNET_CLI", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
        return $".NET {Environment.Version}, {Environment.ProcessorCount} processors, server GC {GCSettings.IsServerGC}, " +
               $"GC latency {GCSettings.LatencyMode}, Orleans {typeof(IGrainFactory).Assembly.GetName().Version}" +
               (env.Any() ? $", {string.Join(' ', env)}" : string.Empty);
    }
}
