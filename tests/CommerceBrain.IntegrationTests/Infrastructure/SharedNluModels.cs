using CommerceBrain.Nlu;
using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// The demo models, trained once per test run (several seconds) into a temp directory that every test silo points
/// <c>CommerceBrain:Nlu:ModelDirectory</c> at, so silos load instead of training. Deleted when the test host exits.
/// </summary>
public static class SharedNluModels
{
    public const string ModelDirectorySetting = "CommerceBrain:Nlu:ModelDirectory";
    public const string ModelDirectoryVariable = "CommerceBrain__Nlu__ModelDirectory";

    private static readonly Lazy<string> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The directory holding <c>intents/</c> and <c>faq-encoder/</c>; trains on first use.</summary>
    public static string Directory => Trained.Value;

    /// <summary>The bundled demo corpus next to the test assembly (copied there with the silo).</summary>
    public static string DemoIntentsFile => Path.Combine(NluModelPaths.BundledDataDirectory, "intents.csv");

    /// <summary>The bundled demo FAQ.</summary>
    public static string DemoFaqFile => Path.Combine(NluModelPaths.BundledDataDirectory, "faq.jsonl");

    private static string Train()
    {
        var directory = Path.Combine(Path.GetTempPath(), "commercebrain-it-models-" + Guid.NewGuid().ToString("N")[..12]);
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
                // A child silo may still hold a file for a moment; the OS temp cleaner gets it later.
            }
        };
        return directory;
    }
}
