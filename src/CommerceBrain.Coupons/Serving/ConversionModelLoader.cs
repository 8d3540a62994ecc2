using System.Diagnostics;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Inference;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Serving;

/// <summary>
/// Brings the optimiser's conversion model up in the background, like the NLU models: trains it on the simulated
/// experiment on first start (when <see cref="ConversionModelOptions.TrainOnStart"/>), saves it under the data
/// directory, and on every start publishes the ONNX file to the inference module's registry. Until then optimised
/// campaigns answer 503 with <c>Retry-After</c>; lowest-tier campaigns never wait for it.
/// </summary>
internal sealed class ConversionModelLoader(
    ConversionModelState state,
    IOptions<ConversionModelOptions> options,
    ModelRegistry registry,
    IInferenceService inference,
    TimeProvider clock,
    ILogger<ConversionModelLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Fitting is CPU-bound for a second or two: off the start-up path so the host starts right away.
        Task.Run(() => Run(stoppingToken), CancellationToken.None);

    private void Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var file = settings.ResolveModelFile();
        try
        {
            if (!ConversionModelFiles.Exists(file))
            {
                if (!settings.TrainOnStart)
                {
                    Fail($"no model at {file} and {ConversionModelOptions.Section}:TrainOnStart is false; train it with 'commercebrain coupons train'",
                        "no conversion model and TrainOnStart is off", null);
                    return;
                }

                state.Progress("training the conversion model (first start)");
                CouponsLog.ModelTraining(logger, settings.TrainingCustomers, settings.Seed);
                var stopwatch = Stopwatch.StartNew();
                var trained = ConversionModelFiles.Train(settings.TrainingCustomers, settings.Seed);
                stoppingToken.ThrowIfCancellationRequested();
                ConversionModelFiles.Save(trained, file, settings.Seed, settings.TrainingCustomers, clock.GetUtcNow());
                CouponsLog.ModelTrained(logger, trained.Version, stopwatch.Elapsed.TotalSeconds, file);
            }

            state.Progress("loading the conversion model");
            var (model, _) = ConversionModelFiles.Load(file);
            registry.PublishFile(ConversionModel.RegistryName, model.Version, file);
            state.Ready(new InferenceConversionPredictor(inference), model.Version);
            CouponsLog.ModelReady(logger, model.Version, file);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.Unavailable("the silo stopped before the conversion model was ready");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException
            or OnnxRuntimeException)
        {
            // A damaged file or an unwritable directory: the message names the file, which is what the operator fixes.
            Fail(ex.Message, "the conversion model could not be trained or loaded (see the log)", null);
        }
        catch (Exception ex)
        {
            Fail("unexpected error while preparing the conversion model", "the conversion model could not be prepared (see the log)", ex);
        }
    }

    private void Fail(string reason, string description, Exception? exception)
    {
        CouponsLog.ModelUnavailable(logger, exception, reason);
        state.Unavailable(description);
    }
}
