using System.Diagnostics;
using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// Durable grain-state writes per second: W concurrent writers, each over its own grains, every write presenting
/// the ETag from its previous write (the path IPersistentState.WriteStateAsync takes).
/// Usage: state-write --provider PostgreSql --connection "..." [--writers 16] [--grains 1000] [--seconds 10] [--warmup 2] [--payload 100]
/// </summary>
internal static class StateWriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchmarkArgs(args);
        var providerName = a.Get("provider", "PostgreSql");
        var writers = a.GetInt("writers", 16);
        var grainsPerWriter = a.GetInt("grains", 1000);
        var seconds = a.GetDouble("seconds", 10);
        var warmup = a.GetDouble("warmup", 2);
        var payload = new byte[a.GetInt("payload", 100)];
        Random.Shared.NextBytes(payload);

        await using var services = await StorageBenchHost.StartAsync(providerName, a.Get("connection", ""), a.Get("data", "./bench-data"));
        var storage = services.GetRequiredService<IGrainStorage>();
        var run = Guid.NewGuid().ToString("N")[..8];

        // Each writer owns its grains; the first write inserts them, as a grain's first WriteStateAsync does.
        var etags = new string[writers][];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            etags[w] = new string[grainsPerWriter];
            for (var g = 0; g < grainsPerWriter; g++)
            {
                etags[w][g] = await storage.WriteAsync(Grain(run, w, g), "state", payload, null);
            }
        }));

        long counted = 0;
        var measuring = false;
        var stop = false;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var mine = etags[w];
            while (!Volatile.Read(ref stop))
            {
                var g = random.Next(grainsPerWriter);
                mine[g] = await storage.WriteAsync(Grain(run, w, g), "state", payload, mine[g]);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref counted);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var writes = Interlocked.Read(ref counted);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var perSecond = writes / elapsed;
        Console.WriteLine($"state-write provider={providerName} writers={writers} grains={writers * grainsPerWriter} payload={payload.Length}B seconds={elapsed:F1} writes={writes}");
        Console.WriteLine($"STATE_WRITES_PER_SEC={perSecond:F0}");
        return 0;
    }

    private static GrainId Grain(string run, int writer, int grain) => new("benchgrain", $"{run}-{writer}-{grain}");
}
