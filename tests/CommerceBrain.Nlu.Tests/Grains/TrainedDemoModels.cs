using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.Nlu.Tests.Grains;

/// <summary>
/// The production models (intent classifier and FAQ encoder) trained once per test run from the bundled demo corpus,
/// exactly as a silo's first start trains them, into a temp directory deleted when the test host exits.
/// </summary>
internal static class TrainedDemoModels
{
    private static readonly Lazy<string> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The directory holding <c>intents/</c> and <c>faq-encoder/</c>.</summary>
    public static string Directory => Trained.Value;

    private static string Train()
    {
        var directory = Path.Combine(Path.GetTempPath(), "commercebrain-nlu-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var paths = NluModelPaths.Resolve(new NluServingOptions { ModelDirectory = directory }, new NluOptions(), directory);
        NluModelTrainer.EnsureModels(paths, NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the OS temp cleaner gets it later.
            }
        };
        return directory;
    }
}
