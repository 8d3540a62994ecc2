using Orleans.Concurrency;

namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// The language engine's door for other modules: intent, FAQ match (platform and the shop's own FAQ) and entities of one
/// text in one call. A stateless worker: every silo answers locally with its own loaded models (use key 0).
/// Throws <see cref="ModelsNotReadyException"/> while the silo's models are still loading.
/// </summary>
[Alias("nlu.understanding-grain")]
public interface IUnderstandingGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("understand")]
    Task<Understanding> Understand(UnderstandingRequest request);
}
