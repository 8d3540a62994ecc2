using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CommerceBrain.Nlu.Entities;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Text;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Cli;

/// <summary>
/// The <c>nlu</c> command line: <c>train</c>, <c>eval</c> and <c>predict</c> for intent models. Hosts add it as a
/// subcommand with <see cref="Create"/>. Bad input prints one clear error line and exits with code 1.
/// </summary>
public static class NluCommand
{
    private static readonly JsonSerializerOptions CompactJson = new(JsonSerializerDefaults.Web);

    /// <summary>Builds the <c>nlu</c> command tree.</summary>
    public static Command Create()
    {
        var nlu = new Command("nlu", "Train, evaluate and run CommerceBrain intent models.");
        nlu.Subcommands.Add(Train());
        nlu.Subcommands.Add(Eval());
        nlu.Subcommands.Add(Predict());
        return nlu;
    }

    private static Command Train()
    {
        var data = new Option<FileInfo>("--data") { Description = "Training data: CSV with header text,label (or text,category) or JSON lines.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write model.onnx and model.json to.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed + data = identical model).", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs.", DefaultValueFactory = _ => new TrainerOptions().Epochs };
        var dim = new Option<int>("--dim") { Description = "Embedding width per ensemble member.", DefaultValueFactory = _ => new TrainerOptions().Dim };
        var hidden = new Option<int>("--hidden") { Description = "Hidden layer width (0 = none).", DefaultValueFactory = _ => new TrainerOptions().Hidden };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets (embedding rows).", DefaultValueFactory = _ => new FeaturizerOptions().Buckets };
        var ensemble = new Option<int>("--ensemble") { Description = "Ensemble members (trained in parallel).", DefaultValueFactory = _ => new TrainerOptions().EnsembleSize };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => new TrainerOptions().Threads };
        var validation = new Option<double>("--validation") { Description = "Stratified validation fraction.", DefaultValueFactory = _ => new TrainerOptions().ValidationFraction };
        var oosLabel = new Option<string>("--oos-label") { Description = "Label of the out-of-scope class.", DefaultValueFactory = _ => "oos" };
        var quiet = new Option<bool>("--quiet") { Description = "No per-epoch progress." };
        var floatEmbedding = new Option<bool>("--float-embedding") { Description = "Store the embedding table as float32 instead of int8 with per-row scales." };
        var keepUntouched = new Option<bool>("--keep-untouched") { Description = "Keep buckets no training example uses (their random initial values) instead of dropping them." };
        var command = new Command("train", "Train an intent classifier and export it as ONNX.")
        {
            data, output, seed, epochs, dim, hidden, buckets, ensemble, threads, validation, oosLabel, quiet, floatEmbedding, keepUntouched,
        };
        command.SetAction(parse => Run(parse, () =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var examples = DatasetReader.Read(parse.GetValue(data)!.FullName);
            var options = new TrainerOptions
            {
                Featurizer = new FeaturizerOptions { Buckets = parse.GetValue(buckets) },
                Seed = parse.GetValue(seed),
                Epochs = parse.GetValue(epochs),
                Dim = parse.GetValue(dim),
                Hidden = parse.GetValue(hidden),
                EnsembleSize = parse.GetValue(ensemble),
                Threads = parse.GetValue(threads),
                ValidationFraction = parse.GetValue(validation),
                OosLabel = parse.GetValue(oosLabel)!,
                QuantizeEmbedding = !parse.GetValue(floatEmbedding),
                DropUntouchedBuckets = !parse.GetValue(keepUntouched),
            };
            var progress = parse.GetValue(quiet) ? null : new ConsoleProgress(err);
            var stopwatch = Stopwatch.StartNew();
            var result = IntentTrainer.Train(examples, options, progress);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var dir = parse.GetValue(output)!.FullName;
            var manifest = ModelDirectory.SaveIntentModel(result.Model, dir, result.ValidationAccuracy);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained {manifest.Labels.Count} intents on {result.TrainExamples} examples ({result.ValidationExamples} validation) in {seconds:F1} s"));
            if (result.ValidationAccuracy is { } acc)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"validation accuracy {acc:P2}, temperature {manifest.Temperature:F2}, oos threshold {manifest.OosThreshold:F2}"));
            }

            o.WriteLine($"model {manifest.Version} written to {dir} ({DirectoryBytes(dir)} bytes)");
            return 0;
        }));
        return command;
    }

    private static Command Eval()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model directory.", Required = true };
        var test = new Option<FileInfo>("--test") { Description = "Test data (same formats as training).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var onnx = new Option<bool>("--onnx") { Description = "Run the exported graph in ONNX Runtime instead of the C# forward pass." };
        var oosLabel = new Option<string>("--oos-label")
        {
            Description = "Test label meaning out of scope, when the model has no OOS class of its own.",
            DefaultValueFactory = _ => "oos",
        };
        var command = new Command("eval", "Evaluate a model on a labelled test set.") { model, test, json, onnx, oosLabel };
        command.SetAction(parse => Run(parse, () =>
        {
            var o = parse.InvocationConfiguration.Output;
            var dir = parse.GetValue(model)!.FullName;
            var examples = DatasetReader.Read(parse.GetValue(test)!.FullName);
            using var classifier = IntentClassifier.Load(dir, parse.GetValue(onnx), parse.GetValue(oosLabel)!);
            var report = IntentEvaluator.Evaluate(classifier, examples, DirectoryBytes(dir));
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(report, CompactJson));
                return 0;
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"examples            {report.Examples}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy            {report.Accuracy:P2} (top-1 without rejection {report.Top1Accuracy:P2}, rejected {report.Rejected})"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro F1            {report.MacroF1:F4}"));
            o.WriteLine($"oos precision       {Format(report.OosPrecision)}");
            o.WriteLine($"oos recall          {Format(report.OosRecall)}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration (ECE)   {report.ExpectedCalibrationError:F4}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"predictions/s       {report.PredictionsPerSecond:F0} ({report.Engine}, one thread)"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model bytes         {report.ModelBytes}"));
            return 0;
        }));
        return command;
    }

    private static Command Predict()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model directory.", Required = true };
        var top = new Option<int>("--top") { Description = "Candidates to show.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var text = new Argument<string>("text") { Description = "The customer message." };
        var command = new Command("predict", "Predict the intent of one message (and show its entities).") { model, top, json, text };
        command.SetAction(parse => Run(parse, () =>
        {
            var o = parse.InvocationConfiguration.Output;
            using var classifier = IntentClassifier.Load(parse.GetValue(model)!.FullName);
            var message = parse.GetValue(text) ?? string.Empty;
            var prediction = classifier.Predict(message, Math.Max(1, parse.GetValue(top)));
            var entities = EntityExtractor.Extract(message);
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(new { prediction, entities, masked = EntityExtractor.Mask(message) }, CompactJson));
                return 0;
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prediction.Intent} {prediction.Confidence:F3}{(prediction.IsOutOfScope ? " (out of scope)" : string.Empty)}"));
            foreach (var c in prediction.Candidates)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Intent,-32} {c.Confidence:F3}"));
            }

            foreach (var e in entities)
            {
                o.WriteLine($"  entity {e.Kind}: {e.Value}");
            }

            return 0;
        }));
        return command;
    }

    private static int Run(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DatasetFormatException or FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException
            or CommerceBrain.Inference.OnnxRuntimeException or CommerceBrain.Inference.OnnxRuntimeNotFoundException)
        {
            parse.InvocationConfiguration.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static string Format(double? value) =>
        value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "n/a (no out-of-scope examples)";

    private static long DirectoryBytes(string dir) =>
        new DirectoryInfo(dir).EnumerateFiles().Where(f => f.Name is ModelDirectory.OnnxFile or ModelDirectory.ManifestFile).Sum(f => f.Length);

    private sealed class ConsoleProgress(TextWriter error) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            lock (error)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"member {p.Member} epoch {p.Epoch}/{p.Epochs} loss {p.Loss:F4} validation {(p.ValidationAccuracy is { } a ? a.ToString("P2", CultureInfo.InvariantCulture) : "-")}{(p.Improved ? " *" : string.Empty)}"));
            }
        }
    }
}
