using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Serving;

/// <summary>
/// Trains the models that are missing from their directories. A model is trained into a temporary sibling directory
/// and renamed into place only when complete, so a crash or a second silo never leaves a half-written model behind.
/// </summary>
internal static class NluModelTrainer
{
    public const string IntentModelName = "intents";
    public const string FaqEncoderName = "faq-encoder";

    /// <summary>Trains the intent classifier and the FAQ encoder when their directories hold no model.</summary>
    public static void EnsureModels(NluModelPaths paths, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        EnsureModel(IntentModelName, paths.IntentModelDirectory, logger, temp => TrainIntents(paths.IntentTrainingFile, temp, logger, cancellationToken));
        EnsureModel(FaqEncoderName, paths.FaqEncoderDirectory, logger, temp => TrainFaqEncoder(paths.FaqFile, temp, logger, cancellationToken));
    }

    /// <summary>True when <paramref name="directory"/> holds a model manifest (its files are validated when loaded).</summary>
    public static bool HasModel(string directory) => File.Exists(Path.Combine(directory, ModelDirectory.ManifestFile));

    private static void EnsureModel(string name, string directory, ILogger logger, Func<string, (string Version, double? Accuracy)> train)
    {
        if (HasModel(directory))
        {
            NluLog.Reused(logger, name, ModelDirectory.ReadManifest(directory).Version, directory);
            return;
        }

        var parent = Path.GetDirectoryName(directory) ?? directory;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(directory)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var (version, accuracy) = train(temp);
            if (Directory.Exists(directory) && !HasModel(directory))
            {
                // An empty or broken leftover (e.g. created by hand): the complete model replaces it.
                Directory.Delete(directory, recursive: true);
            }

            try
            {
                Directory.Move(temp, directory);
            }
            catch (IOException) when (HasModel(directory))
            {
                NluLog.LostRace(logger, name, directory);
                return;
            }

            NluLog.Trained(logger, name, version, stopwatch.Elapsed.TotalSeconds, Percent(accuracy), directory);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static (string, double?) TrainIntents(string file, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        var examples = DatasetReader.Read(file);
        NluLog.TrainingStarted(logger, IntentModelName, file, examples.Count);
        var result = IntentTrainer.Train(examples, new TrainerOptions(), new EpochLog(logger, IntentModelName), cancellationToken);
        var manifest = ModelDirectory.SaveIntentModel(result.Model, directory, result.ValidationAccuracy);
        return (manifest.Version, result.ValidationAccuracy);
    }

    private static (string, double?) TrainFaqEncoder(string file, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        var entries = FaqCatalog.Read(file);
        NluLog.TrainingStarted(logger, FaqEncoderName, file, entries.Count);
        var encoder = EncoderTrainer.Train(FaqCatalog.ParaphraseGroups(entries), new EncoderTrainerOptions(),
            new EpochLog(logger, FaqEncoderName), cancellationToken);
        return (ModelDirectory.SaveTextEncoder(encoder, directory).Version, null);
    }

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Logs every tenth epoch and every improvement; members report from parallel threads.</summary>
    private sealed class EpochLog(ILogger logger, string model) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Improved || value.Epoch % 10 == 0 || value.Epoch == value.Epochs)
            {
                NluLog.TrainingEpoch(logger, model, value.Member, value.Epoch, value.Epochs, value.Loss, Percent(value.ValidationAccuracy));
            }
        }
    }
}
