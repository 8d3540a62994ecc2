using System.Diagnostics;
using System.Reflection;
using CommerceBrain.Actors;
// Until this benchmark moves to Orleans: Orleans.Sdk (for the state-writes grain) adds global usings with the same names.
using Grain = CommerceBrain.Actors.Grain;
using IGrainWithStringKey = CommerceBrain.Actors.IGrainWithStringKey;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// In-process grain-call throughput: a no-op method over many keys from many concurrent callers, plus the
/// proxy overhead alone (DispatchProxy vs a direct interface call) that decided the proxy technique.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/CommerceBrain.Benchmarks -- grain-calls [--keys N] [--callers N] [--seconds S] [--runs N]</remarks>
internal static class GrainCallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var keys = Option(args, "--keys", 10_000);
        var callers = Option(args, "--callers", 64);
        var seconds = Option(args, "--seconds", 3);
        var runs = Option(args, "--runs", 5);

        Console.WriteLine($"grain-calls: {keys} keys, {callers} callers, {runs} runs x {seconds} s after warm-up");
        Console.WriteLine($"machine: {DescribeMachine()}");
        Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at start: {LoadAverage()}");

        await using var host = await LocalActorHost.StartAsync(null, b => b.AddGrain<IPingGrain, PingGrain>());
        var grains = Enumerable.Range(0, keys).Select(i => host.Grains.GetGrain<IPingGrain>($"ping-{i}")).ToArray();

        await Measure($"no-op method, {keys:N0} keys", grains, callers, seconds, runs, g => g.Ping());
        await Measure($"method that awaits Task.Yield, {keys:N0} keys (queued path)", grains, callers, seconds, runs, g => g.PingYield());
        await Measure($"method that awaits Task.Yield, 16 keys (calls wait for the turn)", grains[..16], callers, seconds, runs, g => g.PingYield());

        // The silo registers a tracing filter for every call; measure what one pass-through filter costs.
        await using (var filtered = await LocalActorHost.StartAsync(null, b => b.AddGrain<IPingGrain, PingGrain>().AddIncomingGrainCallFilter<PassThroughFilter>()))
        {
            var filteredGrains = Enumerable.Range(0, keys).Select(i => filtered.Grains.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
            await Measure($"no-op method through one pass-through call filter, {keys:N0} keys", filteredGrains, callers, seconds, runs, g => g.Ping());
        }

        MeasureProxyOverhead();
        return 0;
    }

    private static async Task Measure(string name, IPingGrain[] grains, int callers, int seconds, int runs, Func<IPingGrain, Task> call)
    {
        // Warm-up: activate every grain and let tiered JIT settle.
        await Task.WhenAll(grains.Select(g => g.Ping()));
        await RunOnce(grains, callers, TimeSpan.FromSeconds(2), call);

        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var rate = await RunOnce(grains, callers, TimeSpan.FromSeconds(seconds), call);
            rates.Add(rate);
            Console.WriteLine($"  {name} run {run + 1}: {rate:N0} calls/s");
        }

        rates.Sort();
        Console.WriteLine($"{name}: median {rates[rates.Count / 2]:N0} calls/s");
    }

    private static async Task<double> RunOnce(IPingGrain[] grains, int callers, TimeSpan duration, Func<IPingGrain, Task> call)
    {
        var stop = false;
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long calls = 0;
            var index = caller * 7919 % grains.Length;
            while (!Volatile.Read(ref stop))
            {
                for (var i = 0; i < 100; i++)
                {
                    await call(grains[index]);
                    index = index + 1 == grains.Length ? 0 : index + 1;
                }

                calls += 100;

                // Let the other callers in: synchronous completions would otherwise keep one caller on a thread.
                await Task.Yield();
            }

            Interlocked.Add(ref total, calls);
        })).ToArray();

        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        return total / stopwatch.Elapsed.TotalSeconds;
    }

    private static void MeasureProxyOverhead()
    {
        IPingGrain direct = new DirectPing();
        var proxy = DispatchProxy.Create<IPingGrain, CompletedProxy>();
        const int calls = 20_000_000;
        for (var round = 0; round < 2; round++)
        {
            var directNs = Time(direct, calls);
            var proxyNs = Time(proxy, calls);
            if (round == 1)
            {
                Console.WriteLine($"proxy overhead: direct interface call {directNs:F1} ns/call, DispatchProxy {proxyNs:F1} ns/call (single thread)");
            }
        }
    }

    private static double Time(IPingGrain target, int calls)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            _ = target.Ping();
        }

        return stopwatch.Elapsed.TotalNanoseconds / calls;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive integer.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string DescribeMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}";
    }

    public interface IPingGrain : IGrainWithStringKey
    {
        Task Ping();

        Task PingYield();
    }

    public sealed class PingGrain : Grain, IPingGrain
    {
        public Task Ping() => Task.CompletedTask;

        public async Task PingYield() => await Task.Yield();
    }

    private sealed class DirectPing : IPingGrain
    {
        public Task Ping() => Task.CompletedTask;

        public Task PingYield() => Task.CompletedTask;
    }

    public sealed class PassThroughFilter : CommerceBrain.Actors.Filters.IIncomingGrainCallFilter
    {
        public Task Invoke(CommerceBrain.Actors.Filters.IIncomingGrainCallContext context) => context.Invoke();
    }

    /// <summary>The cheapest possible DispatchProxy: what our proxies cost before the runtime does anything.</summary>
    public class CompletedProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Task.CompletedTask;
    }
}
