using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using CommerceBrain.Inference;
using CommerceBrain.Inference.Batching;
using CommerceBrain.Inference.Benchmarks;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;

// Usage: dotnet run -c Release --project benchmarks/CommerceBrain.Inference.Benchmarks [-- seconds-per-case]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var duration = TimeSpan.FromSeconds(seconds);
var model = BenchmarkModel.Build();
using var registry = new ModelRegistry();
registry.Publish("encoder", "bench", model);

Console.WriteLine($"# Inference micro-benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}, ONNX Runtime {OnnxSession.RuntimeVersion}");
Console.WriteLine($"Model: embedding bag V={BenchmarkModel.Vocabulary} D={BenchmarkModel.Dim} → dense {BenchmarkModel.Dim}→ReLU→{BenchmarkModel.Classes} softmax; {BenchmarkModel.IdsPerRequest} ids per request; {seconds:0.#} s per case");
Console.WriteLine();
Console.WriteLine("| case | requests/s | p50 ms | p99 ms | mean batch |");
Console.WriteLine("|---|---:|---:|---:|---:|");

Report("direct Run, batch 1, 1 thread", RunDirect(registry, threads: 1, duration));
Report("direct Run, batch 1, 8 threads on one session", RunDirect(registry, threads: 8, duration));
foreach (var (callers, wait) in new[] { (1, 0.0), (64, 0.0), (64, 0.5), (256, 0.5) })
{
    var options = new InferenceOptions { MaxBatchSize = 32, MaxBatchWait = TimeSpan.FromMilliseconds(wait), RunnersPerModel = 2 };
    Report($"InferenceBatcher, {callers} async caller(s), max 32, wait {wait} ms, 2 runners", await RunBatched(registry, options, callers, duration));
}

static void Report(string name, Measurement m) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {m.Count / m.Elapsed.TotalSeconds:0} | {m.Percentile(0.50):0.000} | {m.Percentile(0.99):0.000} | {m.MeanBatch:0.0} |"));

static Measurement RunDirect(ModelRegistry registry, int threads, TimeSpan duration)
{
    using var lease = registry.Acquire("encoder");
    var session = lease.Session;
    var latencies = new List<double>[threads];
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
    {
        var random = new Random(t);
        var mine = latencies[t] = [];
        var lengths = new float[] { BenchmarkModel.IdsPerRequest };
        while (clock.Elapsed < duration)
        {
            var ids = BenchmarkModel.RandomIds(random);
            var started = Stopwatch.GetTimestamp();
            session.Run([TensorInput.Int64("ids", ids, 1, ids.Length), TensorInput.Float("lengths", lengths, 1, 1)]);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });
    var all = latencies.SelectMany(l => l).ToList();
    return new Measurement(all, clock.Elapsed, 1);
}

static async Task<Measurement> RunBatched(ModelRegistry registry, InferenceOptions options, int callers, TimeSpan duration)
{
    var batches = 0L;
    var batched = 0L;
    // Batch sizes come from the module's own histogram, as any OpenTelemetry exporter would see them.
    using var listener = new MeterListener();
    listener.InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == InferenceTelemetry.Name && instrument.Name == "inference.batch.size")
            l.EnableMeasurementEvents(instrument);
    };
    listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batched, size);
    });
    listener.Start();
    await using var batcher = new InferenceBatcher(registry, "encoder", options);
    var clock = Stopwatch.StartNew();
    var latencies = await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
    {
        var random = new Random(c);
        var mine = new List<double>();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await batcher.InferAsync(InferenceRequest.ForTokenIds(BenchmarkModel.RandomIds(random)));
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return mine;
    })));
    var all = latencies.SelectMany(l => l).ToList();
    return new Measurement(all, clock.Elapsed, batches == 0 ? 0 : (double)batched / batches);
}

internal sealed record Measurement(List<double> Latencies, TimeSpan Elapsed, double MeanBatch)
{
    public int Count => Latencies.Count;

    public double Percentile(double p)
    {
        if (Latencies.Count == 0)
            return double.NaN;
        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
