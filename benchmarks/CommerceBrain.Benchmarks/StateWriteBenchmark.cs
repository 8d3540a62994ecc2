using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using CommerceBrain.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// Durable grain-state writes per second through a real Orleans silo: C concurrent callers, each awaiting
/// <c>IStateWriteGrain.Write</c> (one <c>WriteStateAsync</c> on the silo's "Default" storage) on a random grain of its
/// own share of G grains. Every grain is written once first (the insert), so the measured writes are ETag-checked
/// updates, the steady state of a grain.
/// With <c>--mode storage</c> the callers skip the grain call and call the silo's keyed <c>IGrainStorage</c> "Default"
/// directly with the same state, which separates the provider's cost from Orleans messaging (for diagnosis).
/// Usage: state-writes --provider PostgreSql --connection "..." | --provider Sqlite --data DIR [--synchronous Full|Normal]
///        [--concurrency 16] [--grains 16000] [--seconds 10] [--warmup 3] [--payload 100] [--mode grain|storage]
///        [--server-pid PID]   (Linux: also report the CPU the PostgreSQL server (postmaster PID and its children) spent per write)
/// </summary>
internal static class StateWriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchmarkArgs(args);
        var provider = a.Get("provider", "PostgreSql");
        var concurrency = a.GetInt("concurrency", 16);
        var grains = a.GetInt("grains", 16_000);
        var seconds = a.GetDouble("seconds", 10);
        var warmup = a.GetDouble("warmup", 3);
        var synchronous = a.Get("synchronous", "Full");
        var direct = a.Get("mode", "grain") switch
        {
            "grain" => false,
            "storage" => true,
            var other => throw new ArgumentException($"--mode is '{other}'; use grain or storage."),
        };
        StateWriteGrain.PayloadBytes = a.GetInt("payload", 100);
        if (grains < concurrency)
        {
            Console.Error.WriteLine("--grains must be at least --concurrency (each caller owns its share of the grains).");
            return 2;
        }

        using var host = await StorageBenchHost.StartSiloAsync(
            provider,
            a.Get("connection", ""),
            a.Get("data", "./bench-data"),
            new Dictionary<string, string?> { ["CommerceBrain:Storage:SqliteSynchronous"] = synchronous });
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var run = Random.Shared.NextInt64(1, long.MaxValue / 2) & ~0xFFFFFL; // fresh keys per run: no rows from earlier runs
        var refs = Enumerable.Range(0, grains).Select(i => factory.GetGrain<IStateWriteGrain>(run + i)).ToArray();

        Func<int, Task> write;
        if (direct)
        {
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
            var states = refs.Select(_ => new GrainState<StateWriteState> { State = new StateWriteState { Payload = RandomPayload() } }).ToArray();
            var ids = refs.Select(r => r.GetGrainId()).ToArray();
            write = i =>
            {
                states[i].State!.Sequence++;
                return storage.WriteStateAsync("bench", ids[i], states[i]);
            };
        }
        else
        {
            write = i => refs[i].Write();
        }

        // Activate every grain (or write every state once): the inserts, with the same bounded concurrency.
        await Parallel.ForEachAsync(Enumerable.Range(0, grains), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await write(i));

        long counted = 0;
        var measuring = false;
        var stop = false;
        var share = grains / concurrency;
        var callers = Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            while (!Volatile.Read(ref stop))
            {
                await write((c * share) + random.Next(share));
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref counted);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var serverPid = a.GetInt("server-pid", 0);
        var serverBefore = serverPid > 0 ? ProcessTreeCpuSeconds(serverPid) : 0;
        var (userBefore, systemBefore) = OwnCpuSeconds();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var (userAfter, systemAfter) = OwnCpuSeconds();
        var serverCpu = serverPid > 0 ? ProcessTreeCpuSeconds(serverPid) - serverBefore : double.NaN;
        var writes = Interlocked.Read(ref counted);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(callers);
        await host.StopAsync();

        var detail = (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? $" synchronous={synchronous}" : string.Empty)
            + (direct ? " mode=storage" : " mode=grain");
        Console.WriteLine(
            $"state-writes provider={provider}{detail} concurrency={concurrency} grains={grains} payload={StateWriteGrain.PayloadBytes}B " +
            $"seconds={elapsed:F1} writes={writes} silo_cpu_per_write_us={cpu / Math.Max(writes, 1) * 1e6:F0} " +
            $"(user {(userAfter - userBefore) / Math.Max(writes, 1) * 1e6:F0}, system {(systemAfter - systemBefore) / Math.Max(writes, 1) * 1e6:F0})" +
            (serverPid > 0 ? $" server_cpu_per_write_us={serverCpu / Math.Max(writes, 1) * 1e6:F0}" : string.Empty));
        Console.WriteLine($"STATE_WRITES_PER_SEC={writes / elapsed:F0}");
        return 0;
    }

    /// <summary>This process's user and system CPU seconds (Linux /proc; zeros elsewhere).</summary>
    private static (double User, double System) OwnCpuSeconds()
    {
        var fields = StatFields("/proc/self/stat");
        return fields is null ? (0, 0) : (Ticks(fields[11]), Ticks(fields[12]));
    }

    /// <summary>CPU seconds of a process, its live children and the children it has reaped (a PostgreSQL postmaster).</summary>
    private static double ProcessTreeCpuSeconds(int pid)
    {
        var own = StatFields($"/proc/{pid}/stat") ?? throw new ArgumentException($"--server-pid {pid}: no such process");
        var total = Ticks(own[11]) + Ticks(own[12]) + Ticks(own[13]) + Ticks(own[14]);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var fields = int.TryParse(Path.GetFileName(directory), out _) ? StatFields(Path.Combine(directory, "stat")) : null;
            if (fields is not null && fields[1] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                total += Ticks(fields[11]) + Ticks(fields[12]);
            }
        }

        return total;
    }

    // Fields after "pid (comm) ": [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? StatFields(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // USER_HZ is 100 on every Linux the benchmark runs on.
    private static double Ticks(string value) => long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) / 100.0;

    private static byte[] RandomPayload()
    {
        var payload = new byte[StateWriteGrain.PayloadBytes];
        Random.Shared.NextBytes(payload);
        return payload;
    }
}
