using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using CommerceBrain.Inference;
using CommerceBrain.Inference.Models;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Training;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Nlu.Benchmarks;

/// <summary>
/// End-to-end intent prediction throughput and latency: text → featurize → InferenceService micro-batcher → ONNX
/// Runtime → top-k decision, with 1 sequential caller and many concurrent ones, next to the C# forward pass and a
/// direct ONNX Runtime call. Trains a model first when the model directory does not exist yet.
/// </summary>
internal static class ThroughputBenchmark
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Intent model directory (trained from --data first if missing).", Required = true };
        var data = new Option<FileInfo?>("--data") { Description = "Training data, used when --model does not exist yet." };
        var texts = new Option<FileInfo>("--texts") { Description = "Texts to classify (CSV/JSON lines with a text column).", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per case (after 1 s warm-up).", DefaultValueFactory = _ => 5 };
        var callers = new Option<string>("--callers") { Description = "Concurrent caller counts through the batcher.", DefaultValueFactory = _ => "1,64,256" };
        var maxBatch = new Option<int>("--max-batch") { Description = "InferenceOptions.MaxBatchSize.", DefaultValueFactory = _ => new InferenceOptions().MaxBatchSize };
        var waitMs = new Option<double>("--wait-ms") { Description = "InferenceOptions.MaxBatchWait in ms.", DefaultValueFactory = _ => new InferenceOptions().MaxBatchWait.TotalMilliseconds };
        var runners = new Option<int>("--runners") { Description = "InferenceOptions.RunnersPerModel.", DefaultValueFactory = _ => new InferenceOptions().RunnersPerModel };
        var command = new Command("throughput", "Intent predictions/s and latency through the micro-batcher, the direct ORT call and the C# forward pass.")
        {
            model, data, texts, seconds, callers, maxBatch, waitMs, runners,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(model)!.FullName;
            if (!File.Exists(Path.Combine(dir, ModelDirectory.OnnxFile)))
            {
                var train = parse.GetValue(data) ?? throw new ArgumentException($"'{dir}' holds no model; give --data to train one.");
                var result = IntentTrainer.Train(DatasetReader.Read(train.FullName), new TrainerOptions());
                ModelDirectory.SaveIntentModel(result.Model, dir, result.ValidationAccuracy);
                Console.WriteLine($"trained a model into {dir}");
            }

            var sample = DatasetReader.Read(parse.GetValue(texts)!.FullName).Select(t => t.Text).ToArray();
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var options = new InferenceOptions
            {
                MaxBatchSize = parse.GetValue(maxBatch),
                MaxBatchWait = TimeSpan.FromMilliseconds(parse.GetValue(waitMs)),
                RunnersPerModel = parse.GetValue(runners),
            };
            Console.WriteLine(Line($"{Environment.ProcessorCount} cores, load average {LoadAverage()}, {sample.Length} texts, {duration.TotalSeconds:F0} s per case, MaxBatchSize {options.MaxBatchSize}, MaxBatchWait {options.MaxBatchWait.TotalMilliseconds} ms, RunnersPerModel {options.RunnersPerModel}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
            Console.WriteLine($"model {dir}: {new DirectoryInfo(dir).EnumerateFiles().Sum(f => f.Length)} bytes");

            using var csharp = IntentClassifier.Load(dir);
            var featureCounts = sample.Select(t => csharp.Model.Featurizer.Featurize(t).Count).Order().ToArray();
            Console.WriteLine(Line($"features per text: mean {featureCounts.Average():F1}, p50 {featureCounts[featureCounts.Length / 2]}, p99 {featureCounts[featureCounts.Length * 99 / 100]}, max {featureCounts[^1]}"));
            var featurizer = csharp.Model.Featurizer;
            Report("featurize → request only, 1 thread", await Measure(1, duration, sample, t =>
            {
                _ = Onnx.FeatureVectorRequests.ToInferenceRequest(featurizer, t);
                return Task.FromResult<IntentPrediction?>(null);
            }, null));
            Report("C# forward pass, 1 thread", await Measure(1, duration, sample, t => Task.FromResult<IntentPrediction?>(csharp.Predict(t)), null));
            Report("C# forward pass, 2 threads", await Measure(2, duration, sample, t => Task.Run<IntentPrediction?>(() => csharp.Predict(t)), null));

            using var direct = IntentClassifier.Load(dir, useOnnxRuntime: true);
            Report("ORT direct Run, batch 1, 1 thread", await Measure(1, duration, sample, t => Task.FromResult<IntentPrediction?>(direct.Predict(t)), null));

            using var registry = new ModelRegistry();
            registry.PublishFile("intents", "bench", Path.Combine(dir, ModelDirectory.OnnxFile));
            await using var service = new InferenceService(registry, Options.Create(options));
            using var batches = new BatchSizeListener();
            foreach (var n in parse.GetValue(callers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var count = int.Parse(n, CultureInfo.InvariantCulture);
                Report($"InferenceService, {count} concurrent caller(s)",
                    await Measure(count, duration, sample, async t => await csharp.PredictAsync(service, "intents", t), batches));
            }

            return 0;
        });
        return command;
    }

    private static async Task<Result> Measure(int callers, TimeSpan duration, string[] texts, Func<string, Task<IntentPrediction?>> predict,
        BatchSizeListener? batches)
    {
        await RunFor(callers, TimeSpan.FromSeconds(1), texts, predict); // warm-up: JIT, tiered compilation, ORT arenas
        batches?.Reset();
        var start = Stopwatch.GetTimestamp();
        var latencies = await RunFor(callers, duration, texts, predict);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), batches?.Mean);
    }

    private static async Task<List<double>[]> RunFor(int callers, TimeSpan duration, string[] texts, Func<string, Task<IntentPrediction?>> predict)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, callers).Select(async caller =>
        {
            await Task.Yield();
            var latencies = new List<double>(1 << 16);
            var i = caller * 7919;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var t0 = Stopwatch.GetTimestamp();
                await predict(texts[i++ % texts.Length]);
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            return latencies;
        });
        return await Task.WhenAll(tasks);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static void Report(string name, Result r) =>
        Console.WriteLine(Line($"{name,-44} {r.PerSecond,10:F0} predictions/s   p50 {r.P50,7:F3} ms   p99 {r.P99,7:F3} ms{(r.MeanBatch is { } b ? $"   mean batch {b:F1}" : string.Empty)}"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Result(double PerSecond, double P50, double P99, double? MeanBatch);

    /// <summary>Mean batch size from the inference module's <c>inference.batch.size</c> histogram.</summary>
    private sealed class BatchSizeListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _batches;
        private long _requests;

        public BatchSizeListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CommerceBrain.Inference" && instrument.Name == "inference.batch.size")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) => Add(value));
            _listener.Start();
        }

        public double? Mean => Interlocked.Read(ref _batches) is var b and > 0 ? Interlocked.Read(ref _requests) / (double)b : null;

        public void Reset()
        {
            Interlocked.Exchange(ref _batches, 0);
            Interlocked.Exchange(ref _requests, 0);
        }

        public void Dispose() => _listener.Dispose();

        private void Add(long value)
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, value);
        }
    }
}
