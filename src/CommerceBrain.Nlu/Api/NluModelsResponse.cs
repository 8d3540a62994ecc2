using CommerceBrain.Nlu.Serving;

namespace CommerceBrain.Nlu.Api;

/// <summary>The NLU models of this silo.</summary>
/// <param name="Status">Starting, Ready or Unavailable.</param>
/// <param name="Models">The loaded models (empty until ready).</param>
public sealed record NluModelsResponse(string Status, IReadOnlyList<LoadedModel> Models);
