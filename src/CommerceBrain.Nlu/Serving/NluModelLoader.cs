using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using CommerceBrain.Nlu;
using CommerceBrain.Nlu.Training;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Nlu.Serving;

/// <summary>
/// Brings the NLU models up in the background, so HTTP and <c>/health/live</c> answer at once: trains what is missing
/// (when <see cref="NluServingOptions.TrainOnStart"/>), loads the models and publishes them. Until then readiness is
/// unhealthy and the NLU endpoints answer 503.
/// </summary>
internal sealed class NluModelLoader(
    NluModelState state,
    IOptions<NluServingOptions> serving,
    IOptions<NluOptions> nlu,
    IGrainFactory grains,
    ModelRegistry registry,
    IInferenceService inference,
    TimeProvider time,
    ILogger<NluModelLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Training is CPU-bound for seconds: off the start-up path so the host (and Kestrel) start right away.
        Task.Run(() => Run(stoppingToken), CancellationToken.None);

    private void Run(CancellationToken stoppingToken)
    {
        var paths = NluModelPaths.Resolve(serving.Value, nlu.Value, serving.Value.DataDirectory);
        try
        {
            var missing = !NluModelTrainer.HasModel(paths.IntentModelDirectory) || !NluModelTrainer.HasModel(paths.FaqEncoderDirectory);
            if (missing && !serving.Value.TrainOnStart)
            {
                Fail($"no trained models in {Path.GetDirectoryName(paths.IntentModelDirectory)} and {NluServingOptions.Section}:TrainOnStart is false; train them with 'commercebrain nlu train' or enable TrainOnStart",
                    "no trained models and TrainOnStart is off", null);
                return;
            }

            if (missing)
            {
                state.Progress("training models from the training data (first start)");
            }

            NluModelTrainer.EnsureModels(paths, logger, stoppingToken);
            state.Progress("loading models");
            var engine = NluEngine.Load(paths, nlu.Value, registry, inference, grains, time);
            state.Ready(engine);
            var intents = engine.Models[0];
            NluLog.Ready(logger, intents.Version, engine.IntentCount, intents.Engine, engine.Models[1].Version, engine.Faq.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.Unavailable("the silo stopped before the models were ready");
        }
        catch (Exception ex) when (ex is DatasetFormatException or FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or ArgumentException)
        {
            // Bad training data or a damaged model: the message names the file (and line), which is what the operator fixes.
            Fail(ex.Message, "the training data or model files are invalid (see the log)", null);
        }
        catch (Exception ex)
        {
            Fail("unexpected error while preparing the models", "the models could not be prepared (see the log)", ex);
        }
    }

    // Health descriptions are public; the file names and lines go to the log only.
    private void Fail(string reason, string description, Exception? exception)
    {
        NluLog.Unavailable(logger, exception, reason);
        state.Unavailable(description);
    }
}
