using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Serving;
using Orleans.Concurrency;

namespace CommerceBrain.Nlu.Grains;

/// <summary>
/// The language engine's door, answered by the calling silo with its own loaded models. Reentrant, so one activation
/// keeps many calls in flight and their model runs share the micro-batchers; the work after each model run continues
/// off the grain's scheduler.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class UnderstandingGrain(NluModelState models) : Grain, IUnderstandingGrain
{
    /// <inheritdoc />
    public Task<Understanding> Understand(UnderstandingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (models.Engine is not { } engine)
        {
            throw new ModelsNotReadyException($"The NLU models are not ready ({models.Description}); retry in a few seconds.");
        }

        return engine.UnderstandAsync(request.Text, request.MerchantId, CancellationToken.None);
    }
}
